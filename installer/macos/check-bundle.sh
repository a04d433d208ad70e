#!/usr/bin/env bash
# Check a built "License Desk.app" before it is signed and shipped, on a macOS runner:
#   - every Mach-O file runs on ARCH (arm64 or x86_64): an Intel Mac cannot open an arm64 app;
#   - no binary needs a newer macOS than Info.plist's LSMinimumSystemVersion promises
#     (e.g. a PySide6 upgrade that raised Qt's minimum without raising build.spec's).
#
#   installer/macos/check-bundle.sh "dist/License Desk.app" arm64
set -euo pipefail

app="${1:?usage: check-bundle.sh APP ARCH}"
arch="${2:?usage: check-bundle.sh APP ARCH}"
[ -d "$app" ] || { echo "no app bundle at $app" >&2; exit 1; }
case "$arch" in arm64|x86_64) ;; *) echo "ARCH must be arm64 or x86_64, not $arch" >&2; exit 1;; esac

promised="$(plutil -extract LSMinimumSystemVersion raw -o - "$app/Contents/Info.plist")"
wrong_arch=0
too_new=0
highest="0"
count=0
while IFS= read -r -d '' file; do
  file -b "$file" | grep -q 'Mach-O' || continue
  count=$((count + 1))
  if ! lipo -archs "$file" | tr ' ' '\n' | grep -qx "$arch"; then
    echo "::error::$file has no $arch code ($(lipo -archs "$file"))"
    wrong_arch=$((wrong_arch + 1))
    continue
  fi
  # LC_BUILD_VERSION "minos X" (or the older LC_VERSION_MIN_MACOSX "version X").
  needs="$(otool -arch "$arch" -l "$file" \
    | awk '/LC_BUILD_VERSION|LC_VERSION_MIN_MACOSX/ {found=1} found && /^ *(minos|version) / {print $2; exit}')"
  [ -n "$needs" ] || continue
  if [ "$(printf '%s\n%s\n' "$needs" "$highest" | sort -V | tail -1)" = "$needs" ]; then
    highest="$needs"
  fi
  if [ "$(printf '%s\n%s\n' "$needs" "$promised" | sort -V | tail -1)" != "$promised" ]; then
    echo "::error::$file needs macOS $needs, but Info.plist promises $promised"
    too_new=$((too_new + 1))
  fi
done < <(find "$app/Contents" -type f -print0)

echo "$count Mach-O files; all must hold $arch; the newest minimum among them is macOS $highest;"
echo "Info.plist promises macOS $promised"
[ "$count" -gt 0 ] || { echo "::error::no Mach-O files found in $app" >&2; exit 1; }
[ "$wrong_arch" -eq 0 ] && [ "$too_new" -eq 0 ]
