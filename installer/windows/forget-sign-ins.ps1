# Run by the uninstaller when the person agrees: delete the sign-ins License Desk saved in
# Windows Credential Manager. They are generic credentials whose target name starts with the
# token store's namespace (desktop/auth/token_store.py DEFAULT_NAMESPACE; keyring may prefix it
# with "user@"). Nothing else is touched. Always exits 0: uninstalling must not stop here.
$Namespace = 'License Desk token cache'

$removed = 0
foreach ($line in (cmdkey /list)) {
  # e.g. "    Target: LegacyGeneric:target=License Desk token cache:manifest"
  if ($line -notmatch '^\s*Target:\s*(?<listed>(?:LegacyGeneric:target=)?(?<name>.+?))\s*$') { continue }
  $name = $Matches['name']
  if (-not ($name.StartsWith("${Namespace}:") -or $name.Contains("@${Namespace}:"))) { continue }
  cmdkey "/delete:$($Matches['listed'])" | Out-Null
  if ($LASTEXITCODE -ne 0) { cmdkey "/delete:$name" | Out-Null }
  if ($LASTEXITCODE -eq 0) { $removed += 1 }
}
Write-Host "Removed $removed saved sign-in entries."
exit 0
