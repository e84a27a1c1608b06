#!/usr/bin/env bash
# Before `make test`: the PDF tests check printed output with poppler-utils (pdftotext,
# pdfimages, pdffonts) as a person would. Install it where we can (root with apt-get);
# elsewhere those few checks skip and say why. Never fails the build by itself.
set -u
command -v pdftotext >/dev/null && command -v pdfimages >/dev/null && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing poppler-utils for the PDF tests"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null) \
    || echo "Could not install poppler-utils; PDF checks that need it will be skipped"
else
  echo "poppler-utils is not installed; PDF checks that need it will be skipped (apt-get install poppler-utils)"
fi
exit 0
