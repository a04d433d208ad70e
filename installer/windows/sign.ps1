# Sign Windows files with Azure Trusted Signing (Artifact Signing): the certificate's key stays
# in Microsoft's cloud HSM, as code-signing rules require since June 2023; no PFX exists.
#
#   sign.ps1 dist\license-desk            # every PE file below a folder (.exe, .dll, .pyd, ...)
#   sign.ps1 dist\LicenseDesk-setup.exe   # one file (also how Inno Setup signs its uninstaller)
#
# Needs, from the workflow: SIGNTOOL (signtool.exe of the pinned Windows SDK build tools),
# SIGNING_DLIB (the Artifact Signing client's x64 dlib), SIGNING_METADATA (its metadata.json:
# endpoint, account, certificate profile). Azure credentials come from azure/login (OIDC).
# Any failure, of signing or of the verification after it, ends the script with exit code 1.
param([Parameter(Mandatory = $true)][string[]] $Path)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
. (Join-Path $PSScriptRoot 'pe-files.ps1')

foreach ($name in 'SIGNTOOL', 'SIGNING_DLIB', 'SIGNING_METADATA') {
  $value = [Environment]::GetEnvironmentVariable($name)
  if (-not $value -or -not (Test-Path -LiteralPath $value)) {
    Write-Error "sign.ps1: $name is not set to an existing file ($value)"
    exit 1
  }
}

$files = @(Get-PeFiles $Path | Where-Object { (Get-AuthenticodeSignature -LiteralPath $_).Status -ne 'Valid' })
if ($files.Count -eq 0) { Write-Host 'Nothing left to sign.'; exit 0 }
Write-Host "Signing $($files.Count) file(s)"

# signtool takes many files at once; batches keep the command line short. A batch that fails
# is retried (the signing service can throttle), then the whole run fails.
$batchSize = 40
for ($start = 0; $start -lt $files.Count; $start += $batchSize) {
  $batch = $files[$start..([Math]::Min($start + $batchSize, $files.Count) - 1)]
  $signed = $false
  foreach ($attempt in 1..3) {
    & $env:SIGNTOOL sign /v /fd SHA256 /tr 'http://timestamp.acs.microsoft.com' /td SHA256 `
      /dlib $env:SIGNING_DLIB /dmdf $env:SIGNING_METADATA @batch
    if ($LASTEXITCODE -eq 0) { $signed = $true; break }
    Write-Warning "signtool exited $LASTEXITCODE (attempt $attempt of 3)"
    Start-Sleep -Seconds (15 * $attempt)
  }
  if (-not $signed) { Write-Error 'signtool failed: the build stops here'; exit 1 }
  & $env:SIGNTOOL verify /pa /q @batch
  if ($LASTEXITCODE -ne 0) { Write-Error "signtool verify failed ($LASTEXITCODE)"; exit 1 }
}
exit 0
