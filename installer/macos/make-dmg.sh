#!/usr/bin/env bash
# Turn dist/License Desk.app into dist/LicenseDesk-VERSION-macos-ARCH.dmg on a macOS runner:
# checked, signed (nested code first, hardened runtime), notarized and stapled when configured.
#
#   installer/macos/make-dmg.sh VERSION ARCH        # ARCH: arm64 or x86_64
#
# Signing and notarization happen only when their identities are in the environment:
#   MACOS_SIGN_IDENTITY      "Developer ID Application: Example (TEAMID)" (keychain already set up)
#   MACOS_NOTARY_APPLE_ID, MACOS_NOTARY_TEAM_ID, MACOS_NOTARY_PASSWORD (app-specific password)
# Without them the .dmg is unsigned: fine for testing; see the README for opening it on macOS 15.
# Every failure stops the script (set -e); a rejected notarization prints Apple's log and fails.
set -euo pipefail

version="${1:?usage: make-dmg.sh VERSION ARCH}"
arch="${2:?usage: make-dmg.sh VERSION ARCH}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
app="$root/dist/License Desk.app"
dmg="$root/dist/LicenseDesk-$version-macos-$arch.dmg"
entitlements="$root/installer/macos/entitlements.plist"

[ -d "$app" ] || { echo "missing $app: run pyinstaller build.spec first" >&2; exit 1; }
case "$arch" in arm64|x86_64) ;; *) echo "ARCH must be arm64 or x86_64, not $arch" >&2; exit 1;; esac

"$here/check-bundle.sh" "$app" "$arch"

sign() {  # sign one item with the hardened runtime and a secure timestamp
  codesign --force --options runtime --timestamp --sign "$MACOS_SIGN_IDENTITY" "$@"
}

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  echo "Signing the app with $MACOS_SIGN_IDENTITY"
  # Inside out, never --deep: every nested Mach-O file (deepest path first), then each
  # framework bundle, then the app with the entitlements its executable needs.
  while IFS= read -r file; do
    file -b "$file" | grep -q 'Mach-O' || continue
    case "$file" in
      "$app/Contents/MacOS/"*) ;;  # the executables are signed with the entitlements below
      *) sign "$file" ;;
    esac
  done < <(find "$app/Contents" -type f | awk '{ print gsub("/", "/"), $0 }' \
           | sort -rn | cut -d' ' -f2-)
  while IFS= read -r framework; do
    sign "$framework"
  done < <(find "$app/Contents" -type d -name '*.framework' | awk '{ print gsub("/", "/"), $0 }' \
           | sort -rn | cut -d' ' -f2-)
  for executable in "$app/Contents/MacOS/"*; do
    sign --entitlements "$entitlements" "$executable"
  done
  sign --entitlements "$entitlements" "$app"
  codesign --verify --deep --strict --verbose=2 "$app"  # verifying deeply is right; signing is not
else
  echo "MACOS_SIGN_IDENTITY not set: building an unsigned .dmg"
fi

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
cp "$root/resources/licenses/THIRD-PARTY-NOTICES.txt" "$staging/Third-party notices.txt"
rm -f "$dmg"
hdiutil create -volname "License Desk" -srcfolder "$staging" -ov -format UDZO "$dmg"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  # A disk image is not code: no hardened runtime, just the identity and a timestamp.
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
fi

if [ -n "${MACOS_SIGN_IDENTITY:-}" ] && [ -n "${MACOS_NOTARY_APPLE_ID:-}" ] \
   && [ -n "${MACOS_NOTARY_TEAM_ID:-}" ] && [ -n "${MACOS_NOTARY_PASSWORD:-}" ]; then
  echo "Notarizing $dmg"
  credentials=(--apple-id "$MACOS_NOTARY_APPLE_ID" --team-id "$MACOS_NOTARY_TEAM_ID"
               --password "$MACOS_NOTARY_PASSWORD")
  # notarytool exits 0 even when Apple rejects the upload: read the status it reports.
  result="$(xcrun notarytool submit "$dmg" --wait --timeout 30m --output-format plist \
            "${credentials[@]}")"
  status="$(plutil -extract status raw -o - - <<<"$result")"
  submission="$(plutil -extract id raw -o - - <<<"$result")"
  echo "Notarization $submission: $status"
  if [ "$status" != "Accepted" ]; then
    echo "::error::notarization of $dmg ended $status; Apple's log follows"
    xcrun notarytool log "$submission" "${credentials[@]}" || true
    exit 1
  fi
  xcrun stapler staple "$dmg"
  xcrun stapler validate "$dmg"
  # Gatekeeper's own verdict on the disk image and on the app inside it.
  spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
  mount="$(mktemp -d)"
  hdiutil attach -nobrowse -readonly -mountpoint "$mount" "$dmg"
  spctl --assess --type execute --verbose=2 "$mount/License Desk.app" \
    || { hdiutil detach "$mount"; exit 1; }
  hdiutil detach "$mount"
else
  echo "Notarization identities not set: skipping notarization"
fi
echo "Built $dmg"
