#!/bin/sh
# mkdeb.sh VERSION ROOT OUT.deb - turns a staging folder made by
# `make install DESTDIR=ROOT PREFIX=/usr` into a Debian binary package.  The
# Depends line names the packages of the shared libraries the binary links
# (found with dpkg -S), and fonts-dejavu-core for the PDF.  No network.
set -eu
version=$1 root=$2 out=$3
arch=$(dpkg --print-architecture)
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
bin=$root/usr/bin/aireport

strip --strip-unneeded --remove-section=.comment --remove-section=.note "$bin"

depends=""
for so in $(objdump -p "$bin" | awk '/NEEDED/ { print $2 }'); do
	pkg=""
	for dir in /usr/lib/$multiarch /lib/$multiarch; do
		[ -e "$dir/$so" ] || continue
		pkg=$(dpkg -S "$dir/$so" 2>/dev/null | head -n 1 | cut -d: -f1) && [ -n "$pkg" ] && break
	done
	[ -n "$pkg" ] || { echo "mkdeb.sh: no package holds $so" >&2; exit 1; }
	ver=$(dpkg-query -W -f='${Version}' "$pkg" | sed 's/-[^-]*$//; s/^[0-9]*://')
	case " $depends " in *" $pkg "*) ;; *) depends="$depends $pkg (>= $ver),";; esac
done
depends=$(echo "$depends fonts-dejavu-core" | sed 's/^ //')

doc=$root/usr/share/doc/aireport
mkdir -p "$doc" "$root/DEBIAN"
cat >"$doc/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: aireport
Comment: Reports on AI-competence programmes for small and mid-sized companies.

Files: *
Copyright: 2026 the aireport authors
License: proprietary
 All rights reserved.  This software may be used, copied and distributed only
 with the permission of the copyright holders.
COPYRIGHT
date=$(date -u -R -d "@${SOURCE_DATE_EPOCH:-$(stat -c %Y "$bin")}")
printf 'aireport (%s) stable; urgency=medium\n\n  * Reads the exports of ten time-tracking and survey tools, CSV and XLSX;\n    --check, --init-rules, a questionnaire; batch clients in their own folders.\n\n -- aireport maintainers <aireport@example.com>  %s\n' \
	"$version" "$date" | gzip -9n >"$doc/changelog.gz"
chmod 644 "$doc/copyright" "$doc/changelog.gz"

size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat >"$root/DEBIAN/control" <<CONTROL
Package: aireport
Version: $version
Architecture: $arch
Maintainer: aireport maintainers <aireport@example.com>
Installed-Size: $size
Depends: $depends
Section: utils
Priority: optional
Homepage: https://example.com/aireport
Description: AI-competence assessment and ROI reports from HR exports
 aireport reads an employee survey and a time-tracking export (CSV or XLSX,
 as Toggl, Clockify, Harvest, Kimai, Personio, Simplicate, Tempo, Google
 Forms, Microsoft Forms and SurveyMonkey write them) plus a rules file, and
 writes a PDF assessment, an ROI workbook with live formulas, metrics.csv and
 rejects.csv: adoption, time saved per use case, ROI and payback, and
 maturity levels over five dimensions, with no figure about fewer people than
 a privacy threshold.
CONTROL
find "$root" -type d -exec chmod 755 {} +
dpkg-deb --build --root-owner-group "$root" "$out" >/dev/null
echo "$out"
