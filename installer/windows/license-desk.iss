; Inno Setup 6 script for License Desk. Built by .github/workflows/build.yml on a Windows runner:
;   iscc /DAppVersion=0.1.0 /DSourceDir=..\..\dist\license-desk installer\windows\license-desk.iss
; Signing: when Azure Trusted Signing is configured the workflow passes /DSignTool=azuresign and
; /Sazuresign=... (installer\windows\sign.ps1, quotes written as $q), so ISCC signs the
; uninstaller and the installer and stops with an error if signing fails. The app folder itself
; is signed before this script runs. Without signing the installer is built unsigned.

#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z (the version in desktop/__init__.py)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\license-desk"
#endif

[Setup]
AppId={{5E0C6B2A-8F4D-4E7B-9C1A-3D2F6A7B8C90}
AppName=License Desk
AppVersion={#AppVersion}
AppVerName=License Desk {#AppVersion}
AppPublisher=License Desk developers
DefaultDirName={autopf}\License Desk
DefaultGroupName=License Desk
DisableProgramGroupPage=yes
; Per-user install by default so office administrators without local admin rights can install;
; an elevated user may choose an all-users install.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
; Qt 6 needs Windows 10 1809 (build 17763) or later.
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=LicenseDesk-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\app\license-desk.ico
UninstallDisplayIcon={app}\license-desk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
LicenseFile=..\..\LICENSE
ShowLanguageDialog=auto
#ifdef SignTool
SignTool={#SignTool}
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "polish"; MessagesFile: "compiler:Languages\Polish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program's own folder whole: files the new version no longer ships
; (an old Qt plugin, a renamed .pyd) must not linger and be loaded by the new one.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\NOTICE"; DestDir: "{app}"; Flags: ignoreversion
Source: "..\..\resources\licenses\THIRD-PARTY-NOTICES.txt"; DestDir: "{app}"; Flags: ignoreversion
Source: "forget-sign-ins.ps1"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{group}\License Desk"; Filename: "{app}\license-desk.exe"
Name: "{group}\License Desk (demo tenant)"; Filename: "{app}\license-desk.exe"; Parameters: "--demo"
Name: "{autodesktop}\License Desk"; Filename: "{app}\license-desk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\license-desk.exe"; Description: "{cm:LaunchProgram,License Desk}"; Flags: nowait postinstall skipifsilent

[CustomMessages]
english.ForgetSignIns=Also remove the sign-ins License Desk saved in Windows Credential Manager?%n%nChoose No to keep them for a later reinstall.
polish.ForgetSignIns=Usunąć także logowania zapisane przez License Desk w Menedżerze poświadczeń Windows?%n%nWybierz Nie, aby zachować je na wypadek ponownej instalacji.

[Code]
// Uninstalling asks whether to remove the saved sign-ins (tokens in Credential Manager), before
// the files go; a silent uninstall keeps them. forget-sign-ins.ps1 knows the entries' names.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  ResultCode: Integer;
begin
  if (CurUninstallStep = usUninstall) and not UninstallSilent then
  begin
    if MsgBox(CustomMessage('ForgetSignIns'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
      Exec(ExpandConstant('{sys}\WindowsPowerShell\v1.0\powershell.exe'),
        '-NoProfile -ExecutionPolicy Bypass -File "' + ExpandConstant('{app}\forget-sign-ins.ps1') + '"',
        '', SW_HIDE, ewWaitUntilTerminated, ResultCode);
  end;
end;
