# Fail unless every PE file below the given folders or files carries a valid Authenticode
# signature: Smart App Control on Windows 11 blocks unsigned .dll and .pyd files, not only .exe.
#
#   check-signatures.ps1 dist\license-desk dist\LicenseDesk-0.1.0-windows-x64-setup.exe
param([Parameter(Mandatory = $true)][string[]] $Path)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
. (Join-Path $PSScriptRoot 'pe-files.ps1')

$files = @(Get-PeFiles $Path)
if ($files.Count -eq 0) { Write-Error "no PE files under $Path"; exit 1 }
$unsigned = @($files | Where-Object { (Get-AuthenticodeSignature -LiteralPath $_).Status -ne 'Valid' })
foreach ($file in $unsigned) {
  Write-Host "::error::not validly signed: $file ($((Get-AuthenticodeSignature -LiteralPath $file).Status))"
}
Write-Host "$($files.Count - $unsigned.Count) of $($files.Count) PE files validly signed"
if ($unsigned.Count -gt 0) { exit 1 }
exit 0
