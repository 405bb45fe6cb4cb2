#!/usr/bin/env bash
echo "make-guest-image.sh: not written yet" >&2; exit 1
