#!/usr/bin/env bash
# Before `make test`: the PDF tests check printed output with poppler-utils (pdftotext,
# pdfimages, pdffonts) as a person would, and the shared-registry tests start a throwaway
# PostgreSQL server (tests/pg_server.py). Install what is missing where we can (root with
# apt-get); elsewhere those checks skip and say why. Never fails the build by itself.
set -u
missing=()
command -v pdftotext >/dev/null && command -v pdfimages >/dev/null || missing+=(poppler-utils)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || missing+=(postgresql postgresql-contrib)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} for the tests"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null) \
    || echo "Could not install ${missing[*]}; the checks that need them will be skipped"
else
  echo "${missing[*]} not installed; the checks that need them will be skipped (apt-get install ${missing[*]})"
fi
exit 0
