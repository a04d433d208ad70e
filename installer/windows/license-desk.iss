; Inno Setup 6 script for License Desk. Built by .github/workflows/build.yml on a Windows runner:
;   iscc /DAppVersion=0.1.0 /DSourceDir=..\..\dist\license-desk installer\windows\license-desk.iss
; Signing: when the workflow has a certificate it passes /DSignTool=... and /Ssigntool=... so
; both the installer and the uninstaller are signed; without one the installer is built unsigned.

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

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\NOTICE"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{group}\License Desk"; Filename: "{app}\license-desk.exe"
Name: "{group}\License Desk (demo tenant)"; Filename: "{app}\license-desk.exe"; Parameters: "--demo"
Name: "{autodesktop}\License Desk"; Filename: "{app}\license-desk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\license-desk.exe"; Description: "{cm:LaunchProgram,License Desk}"; Flags: nowait postinstall skipifsilent
