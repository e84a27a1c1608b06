#!/usr/bin/env bash
# What can be checked of the Windows installer on Linux (`make installer-check`): honours.nsi
# compiles with makensis (NSIS 3.08+) against a stand-in of the one-folder app, and the
# installer, and the uninstaller it embeds, are signed through SIGN_COMMAND (here osslsigncode
# with a throwaway self-signed code-signing certificate made by openssl) and the signature
# verifies. Installing and running it needs Windows: .github/workflows/windows.yml does that.
# Needs makensis, osslsigncode and openssl; installs the first two where it can (root with apt-get).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if ! command -v makensis >/dev/null || ! command -v osslsigncode >/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing nsis osslsigncode for the installer check"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nsis osslsigncode >/dev/null) || true
  fi
fi
for tool in makensis osslsigncode openssl; do
  command -v "$tool" >/dev/null || { echo "$tool not installed (apt-get install nsis osslsigncode)"; exit 2; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A stand-in of dist/Honours: the installer only copies files, so their content does not matter.
mkdir -p "$work/Honours/_internal/honours"
printf 'MZ stand-in' > "$work/Honours/Honours.exe"
printf 'MZ stand-in' > "$work/Honours/honours-cli.exe"
printf 'data' > "$work/Honours/_internal/honours/__init__.pyc"

# A throwaway code-signing certificate (never a real one: CI's comes from secrets).
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Honours test signing/O=Honours" \
  -addext "extendedKeyUsage=codeSigning" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
cat > "$work/sign.sh" <<SIGN
#!/bin/sh
# called by makensis as SIGN_COMMAND "file": sign the file in place, note it
osslsigncode sign -certs "$work/cert.pem" -key "$work/key.pem" -n "Honours" -h sha256 \
  -in "\$1" -out "\$1.signed" >/dev/null && mv "\$1.signed" "\$1" && echo "\$1" >> "$work/signed.txt"
SIGN
chmod +x "$work/sign.sh"

makensis -V2 -DVERSION=0.0.0 "-DDIST=$work/Honours" "-DOUTFILE=$work/Honours-setup.exe" \
  "-DSIGN_COMMAND=$work/sign.sh" "$here/honours.nsi"
test -s "$work/Honours-setup.exe"
signed=$(wc -l < "$work/signed.txt")
[ "$signed" -eq 2 ] || { echo "expected the uninstaller and the installer signed, got $signed"; exit 1; }
osslsigncode verify -CAfile "$work/cert.pem" -in "$work/Honours-setup.exe" | grep -q "Signature verification: ok" \
  || { osslsigncode verify -CAfile "$work/cert.pem" -in "$work/Honours-setup.exe"; exit 1; }
# an unsigned copy must not verify (the check can fail)
makensis -V1 -DVERSION=0.0.0 "-DDIST=$work/Honours" "-DOUTFILE=$work/unsigned.exe" "$here/honours.nsi"
if osslsigncode verify -CAfile "$work/cert.pem" -in "$work/unsigned.exe" >/dev/null 2>&1; then
  echo "an unsigned installer verified"; exit 1
fi
echo "installer compiles ($(du -k "$work/Honours-setup.exe" | cut -f1) KiB with a stand-in app); installer and uninstaller signed; signature verifies"
