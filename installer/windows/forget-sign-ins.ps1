# Run by the uninstaller when the person agrees: delete the sign-ins License Desk saved in
# Windows Credential Manager. They are generic credentials whose target starts with the token
# store's namespace (desktop/auth/token_store.py DEFAULT_NAMESPACE; keyring may prefix it with
# "user@"). Nothing else is touched. Always exits 0: uninstalling must not stop here.
$Namespace = 'License Desk token cache'

$targets = cmdkey /list | ForEach-Object {
  if ($_ -match '^\s*Target:\s*(?:LegacyGeneric:target=)?(.+?)\s*$') { $Matches[1] }
} | Where-Object { $_.StartsWith("${Namespace}:") -or $_.Contains("@${Namespace}:") }

foreach ($target in $targets) {
  cmdkey "/delete:$target" | Out-Null
}
Write-Host "Removed $(@($targets).Count) saved sign-in entries."
exit 0
