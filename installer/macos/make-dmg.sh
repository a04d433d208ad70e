#!/usr/bin/env bash
# Turn dist/License Desk.app into a signed, notarized .dmg on a macOS runner.
#
#   installer/macos/make-dmg.sh VERSION
#
# Signing and notarization happen only when their identities are in the environment:
#   MACOS_SIGN_IDENTITY      "Developer ID Application: Example (TEAMID)" (keychain already set up)
#   MACOS_NOTARY_APPLE_ID, MACOS_NOTARY_TEAM_ID, MACOS_NOTARY_PASSWORD (app-specific password)
# Without them the .dmg is built unsigned, which is fine for testing but Gatekeeper will warn.
set -euo pipefail

version="${1:?usage: make-dmg.sh VERSION}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
app="$root/dist/License Desk.app"
dmg="$root/dist/LicenseDesk-$version-macos.dmg"
entitlements="$root/installer/macos/entitlements.plist"

[ -d "$app" ] || { echo "missing $app: run pyinstaller build.spec first" >&2; exit 1; }

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  echo "Signing the app with $MACOS_SIGN_IDENTITY"
  # Hardened runtime is required for notarization; sign nested code first, the bundle last.
  codesign --force --deep --options runtime --timestamp \
    --entitlements "$entitlements" --sign "$MACOS_SIGN_IDENTITY" "$app"
  codesign --verify --deep --strict --verbose=2 "$app"
else
  echo "MACOS_SIGN_IDENTITY not set: building an unsigned .dmg"
fi

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "License Desk" -srcfolder "$staging" -ov -format UDZO "$dmg"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
fi

if [ -n "${MACOS_SIGN_IDENTITY:-}" ] && [ -n "${MACOS_NOTARY_APPLE_ID:-}" ] \
   && [ -n "${MACOS_NOTARY_TEAM_ID:-}" ] && [ -n "${MACOS_NOTARY_PASSWORD:-}" ]; then
  echo "Notarizing $dmg"
  xcrun notarytool submit "$dmg" --wait \
    --apple-id "$MACOS_NOTARY_APPLE_ID" --team-id "$MACOS_NOTARY_TEAM_ID" \
    --password "$MACOS_NOTARY_PASSWORD"
  xcrun stapler staple "$dmg"
else
  echo "Notarization identities not set: skipping notarization"
fi
echo "Built $dmg"
