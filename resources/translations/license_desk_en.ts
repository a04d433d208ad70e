<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CopyFromDialog</name>
    <message numerus="yes">
        <source>Give %Ln ticked users the licenses (and app settings) another user has directly. Find that user:</source>
        <translation>
            <numerusform>Give %Ln ticked user the licenses (and app settings) another user has directly. Find that user:</numerusform>
            <numerusform>Give %Ln ticked users the licenses (and app settings) another user has directly. Find that user:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DriftDialog</name>
    <message numerus="yes">
        <source>%Ln users differ from their department&apos;s template. Align… shows the change that makes them match; it can be undone from History.</source>
        <translation>
            <numerusform>%Ln user differs from their department&apos;s template. Align… shows the change that makes them match; it can be undone from History.</numerusform>
            <numerusform>%Ln users differ from their department&apos;s template. Align… shows the change that makes them match; it can be undone from History.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupCommands</name>
    <message numerus="yes">
        <source>{group}: %Ln members processed of {total}</source>
        <translation>
            <numerusform>{group}: %Ln member processed of {total}</numerusform>
            <numerusform>{group}: %Ln members processed of {total}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every member of {group} processed; %Ln in error</source>
        <translation>
            <numerusform>Every member of {group} processed; %Ln in error</numerusform>
            <numerusform>Every member of {group} processed; %Ln in error</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{group}: %Ln members not processed yet; Microsoft is still working on them (Refresh later)</source>
        <translation>
            <numerusform>{group}: %Ln member not processed yet; Microsoft is still working on it (Refresh later)</numerusform>
            <numerusform>{group}: %Ln members not processed yet; Microsoft is still working on them (Refresh later)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupLicensesDialog</name>
    <message numerus="yes">
        <source>The packages {group} gives its %Ln members. Tick a package to add it, untick one to remove it, expand one to switch apps off. The preview says who gains or loses what.</source>
        <translation>
            <numerusform>The packages {group} gives its %Ln member. Tick a package to add it, untick one to remove it, expand one to switch apps off. The preview says who gains or loses what.</numerusform>
            <numerusform>The packages {group} gives its %Ln members. Tick a package to add it, untick one to remove it, expand one to switch apps off. The preview says who gains or loses what.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupsView</name>
    <message numerus="yes">
        <source>Members of {group} in error: %Ln</source>
        <translation>
            <numerusform>Members of {group} in error: %Ln</numerusform>
            <numerusform>Members of {group} in error: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln licensed groups</source>
        <translation>
            <numerusform>%Ln licensed group</numerusform>
            <numerusform>%Ln licensed groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln with members in error</source>
        <translation>
            <numerusform>%Ln with members in error</numerusform>
            <numerusform>%Ln with members in error</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryCommands</name>
    <message numerus="yes">
        <source>%Ln users were not handled yet. Resuming checks each of them again first, so nothing is done twice.</source>
        <translation>
            <numerusform>%Ln user was not handled yet. Resuming checks that user again first, so nothing is done twice.</numerusform>
            <numerusform>%Ln users were not handled yet. Resuming checks each of them again first, so nothing is done twice.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln users are unconfirmed. Checking reads them again first and sends only what is still missing.</source>
        <translation>
            <numerusform>%Ln user is unconfirmed. Checking reads them again first and sends only what is still missing.</numerusform>
            <numerusform>%Ln users are unconfirmed. Checking reads them again first and sends only what is still missing.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message numerus="yes">
        <source>{name} and %n others</source>
        <translation>
            <numerusform>{name} and %n other</numerusform>
            <numerusform>{name} and %n others</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPeopleDialog</name>
    <message numerus="yes">
        <source>%Ln people ready to import from {file}.</source>
        <translation>
            <numerusform>%Ln person ready to import from {file}.</numerusform>
            <numerusform>%Ln people ready to import from {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows cannot be imported:</source>
        <translation>
            <numerusform>%Ln row cannot be imported:</numerusform>
            <numerusform>%Ln rows cannot be imported:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln people</source>
        <translation>
            <numerusform>Import %Ln person</numerusform>
            <numerusform>Import %Ln people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LicensePickerDialog</name>
    <message numerus="yes">
        <source>Choose the packages to give to %Ln users. Expand a package to switch individual apps off.</source>
        <translation>
            <numerusform>Choose the packages to give to %Ln user. Expand a package to switch individual apps off.</numerusform>
            <numerusform>Choose the packages to give to %Ln users. Expand a package to switch individual apps off.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them have no usage location. Set it to:</source>
        <translation>
            <numerusform>%Ln of them has no usage location. Set it to:</numerusform>
            <numerusform>%Ln of them have no usage location. Set it to:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Exported %Ln users to {path}</source>
        <translation>
            <numerusform>Exported %Ln user to {path}</numerusform>
            <numerusform>Exported %Ln users to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PasswordsDialog</name>
    <message numerus="yes">
        <source>%Ln accounts were created.</source>
        <translation>
            <numerusform>%Ln account was created.</numerusform>
            <numerusform>%Ln accounts were created.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeopleCommands</name>
    <message numerus="yes">
        <source>Remove %Ln people from the list of people not in Microsoft 365 yet?</source>
        <translation>
            <numerusform>Remove %Ln person from the list of people not in Microsoft 365 yet?</numerusform>
            <numerusform>Remove %Ln people from the list of people not in Microsoft 365 yet?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %Ln from list</source>
        <translation>
            <numerusform>Remove %Ln from list</numerusform>
            <numerusform>Remove %Ln from list</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln people removed from the list</source>
        <translation>
            <numerusform>%Ln person removed from the list</numerusform>
            <numerusform>%Ln people removed from the list</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln people imported</source>
        <translation>
            <numerusform>%Ln person imported</numerusform>
            <numerusform>%Ln people imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already on the list</source>
        <translation>
            <numerusform>%Ln already on the list</numerusform>
            <numerusform>%Ln already on the list</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanFileText</name>
    <message numerus="yes">
        <source>{file} has %Ln errors; nothing was applied:</source>
        <translation>
            <numerusform>{file} has %Ln error; nothing was applied:</numerusform>
            <numerusform>{file} has %Ln errors; nothing was applied:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… and %Ln more</numerusform>
            <numerusform>… and %Ln more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanPreviewDialog</name>
    <message numerus="yes">
        <source>%Ln users to change</source>
        <translation>
            <numerusform>%Ln user to change</numerusform>
            <numerusform>%Ln users to change</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln need nothing</source>
        <translation>
            <numerusform>%Ln needs nothing</numerusform>
            <numerusform>%Ln need nothing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln left out</source>
        <translation>
            <numerusform>%Ln left out</numerusform>
            <numerusform>%Ln left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Leave out %Ln users with problems</source>
        <translation>
            <numerusform>Leave out %Ln user with problems</numerusform>
            <numerusform>Leave out %Ln users with problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>I understand that %Ln accounts will be deleted</source>
        <translation>
            <numerusform>I understand that %Ln account will be deleted</numerusform>
            <numerusform>I understand that %Ln accounts will be deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Create %Ln new Microsoft 365 accounts</source>
        <translation>
            <numerusform>Create %Ln new Microsoft 365 account</numerusform>
            <numerusform>Create %Ln new Microsoft 365 accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{text} (%Ln users)</source>
        <translation>
            <numerusform>{text} (%Ln user)</numerusform>
            <numerusform>{text} (%Ln users)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanText</name>
    <message numerus="yes">
        <source>%Ln users</source>
        <translation>
            <numerusform>%Ln user</numerusform>
            <numerusform>%Ln users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Needs %Ln seats of {package}, {free} free</source>
        <translation>
            <numerusform>Needs %Ln seat of {package}, {free} free</numerusform>
            <numerusform>Needs %Ln seats of {package}, {free} free</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln group members waiting for {package} will take the freed seats: undoing this later may find none free</source>
        <translation>
            <numerusform>%Ln group member waiting for {package} will take the freed seats: undoing this later may find none free</numerusform>
            <numerusform>%Ln group members waiting for {package} will take the freed seats: undoing this later may find none free</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Frees %Ln licenses worth {amount} a month</source>
        <translation>
            <numerusform>Frees %Ln license worth {amount} a month</numerusform>
            <numerusform>Frees %Ln licenses worth {amount} a month</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln done</source>
        <translation>
            <numerusform>%Ln done</numerusform>
            <numerusform>%Ln done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln needed nothing</source>
        <translation>
            <numerusform>%Ln needed nothing</numerusform>
            <numerusform>%Ln needed nothing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not started (stopped)</source>
        <translation>
            <numerusform>%Ln not started (stopped)</numerusform>
            <numerusform>%Ln not started (stopped)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln partly done</source>
        <translation>
            <numerusform>%Ln partly done</numerusform>
            <numerusform>%Ln partly done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unconfirmed (resume the run from History to check)</source>
        <translation>
            <numerusform>%Ln unconfirmed (resume the run from History to check)</numerusform>
            <numerusform>%Ln unconfirmed (resume the run from History to check)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Needs checking: %Ln users unconfirmed (resume the run)</source>
        <translation>
            <numerusform>Needs checking: %Ln user unconfirmed (resume the run)</numerusform>
            <numerusform>Needs checking: %Ln users unconfirmed (resume the run)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln accounts will be deleted. License Desk cannot bring them back; an administrator can restore them within 30 days from Deleted users in the Microsoft 365 admin center</source>
        <translation>
            <numerusform>%Ln account will be deleted. License Desk cannot bring it back; an administrator can restore it within 30 days from Deleted users in the Microsoft 365 admin center</numerusform>
            <numerusform>%Ln accounts will be deleted. License Desk cannot bring them back; an administrator can restore them within 30 days from Deleted users in the Microsoft 365 admin center</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln members lose {packages}; {mailboxes} of them their last Exchange license (mailbox data deleted 30 days later)</source>
        <translation>
            <numerusform>%Ln member loses {packages}; {mailboxes} of them their last Exchange license (mailbox data deleted 30 days later)</numerusform>
            <numerusform>%Ln members lose {packages}; {mailboxes} of them their last Exchange license (mailbox data deleted 30 days later)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln members have no usage location: they get the organisation&apos;s</source>
        <translation>
            <numerusform>%Ln member has no usage location: they get the organisation&apos;s</numerusform>
            <numerusform>%Ln members have no usage location: they get the organisation&apos;s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln members would get {package} from {group} in error: it conflicts with a plan they already have (turn that app off first)</source>
        <translation>
            <numerusform>%Ln member would get {package} from {group} in error: it conflicts with a plan they already have (turn that app off first)</numerusform>
            <numerusform>%Ln members would get {package} from {group} in error: it conflicts with a plan they already have (turn that app off first)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln members would get {package} from {group} in error: it needs a plan they do not have</source>
        <translation>
            <numerusform>%Ln member would get {package} from {group} in error: it needs a plan they do not have</numerusform>
            <numerusform>%Ln members would get {package} from {group} in error: it needs a plan they do not have</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message numerus="yes">
        <source>{finished} of %Ln users</source>
        <translation>
            <numerusform>{finished} of %Ln user</numerusform>
            <numerusform>{finished} of %Ln users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln done</source>
        <translation>
            <numerusform>%Ln done</numerusform>
            <numerusform>%Ln done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln need nothing</source>
        <translation>
            <numerusform>%Ln needs nothing</numerusform>
            <numerusform>%Ln need nothing</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemoveDialog</name>
    <message numerus="yes">
        <source>Also remove the users from the %n group(s) that give it: {groups}</source>
        <translation>
            <numerusform>Also remove the users from %n group that gives it: {groups}</numerusform>
            <numerusform>Also remove the users from the %n groups that give it: {groups}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsDialog</name>
    <message numerus="yes">
        <source>%Ln left as it was (see Details)</source>
        <translation>
            <numerusform>%Ln left as it was (see Details)</numerusform>
            <numerusform>%Ln left as they were (see Details)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TenantsCoordinator</name>
    <message numerus="yes">
        <source>and %Ln CSV files beside it</source>
        <translation>
            <numerusform>and %Ln CSV file beside it</numerusform>
            <numerusform>and %Ln CSV files beside it</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TenantsHome</name>
    <message numerus="yes">
        <source>Reading %Ln tenants…</source>
        <translation>
            <numerusform>Reading %Ln tenant…</numerusform>
            <numerusform>Reading %Ln tenants…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln tenants</source>
        <translation>
            <numerusform>%Ln tenant</numerusform>
            <numerusform>%Ln tenants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln need action</source>
        <translation>
            <numerusform>%Ln needs action</numerusform>
            <numerusform>%Ln need action</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsageLocationDialog</name>
    <message numerus="yes">
        <source>Microsoft needs a usage location before it assigns licenses, and some apps are not offered in every country. Set it for %Ln users to:</source>
        <translation>
            <numerusform>Microsoft needs a usage location before it assigns licenses, and some apps are not offered in every country. Set it for %Ln user to:</numerusform>
            <numerusform>Microsoft needs a usage location before it assigns licenses, and some apps are not offered in every country. Set it for %Ln users to:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowStatusBar</name>
    <message numerus="yes">
        <source>%Ln users</source>
        <translation>
            <numerusform>%Ln user</numerusform>
            <numerusform>%Ln users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln users shown</source>
        <translation>
            <numerusform>{shown} of %Ln user shown</numerusform>
            <numerusform>{shown} of %Ln users shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
</TS>
