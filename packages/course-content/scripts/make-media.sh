#!/usr/bin/env bash
# (Re)generates the sample lesson videos of the Premium Cursus into media/videos/.
# Simple, tiny, but real and seekable: H.264 (main profile, yuv420p) + AAC, 640x360 @ 25 fps,
# a two-colour gradient, a progress bar, large titles, a running timer and a quiet sine tone.
# Requires ffmpeg with libx264, freetype (drawtext) and the DejaVu fonts.
# After changing durations: update durationSeconds in src/premium-cursus.ts (the unit test checks it).
set -euo pipefail

cd "$(dirname "$0")/.."
out=media/videos
mkdir -p "$out"

font=${FONT:-/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf}
font_regular=${FONT_REGULAR:-/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf}
for f in "$font" "$font_regular"; do
  [[ -f $f ]] || { echo "font not found: $f (set FONT / FONT_REGULAR)" >&2; exit 1; }
done

# make <file> <seconds> <colour 1> <colour 2> <tone Hz> <title> <subtitle>
# Title and subtitle must not contain ' : , or \ (drawtext escaping).
make() {
  local file=$1 secs=$2 c1=$3 c2=$4 hz=$5 title=$6 subtitle=$7
  local vf
  vf="drawtext=fontfile=${font}:text='Premium Cursus · Jouw Bot':fontsize=22:fontcolor=white@0.85:x=32:y=28"
  vf+=",drawtext=fontfile=${font}:text='${title}':fontsize=64:fontcolor=white:x=(w-text_w)/2:y=(h-text_h)/2-40:shadowcolor=black@0.4:shadowx=3:shadowy=3"
  vf+=",drawtext=fontfile=${font_regular}:text='${subtitle}':fontsize=26:fontcolor=white@0.9:x=(w-text_w)/2:y=(h/2)+30"
  vf+=",drawtext=fontfile=${font}:text='%{pts\\:hms}':fontsize=30:fontcolor=white:box=1:boxcolor=black@0.45:boxborderw=10:x=w-text_w-32:y=h-text_h-28"

  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "gradients=s=640x360:r=25:c0=${c1}:c1=${c2}:nb_colors=2:speed=0.00001:seed=7:duration=${secs}" \
    -f lavfi -i "color=c=white:s=640x6:r=25:d=${secs}" \
    -f lavfi -i "sine=frequency=${hz}:sample_rate=22050:duration=${secs}" \
    -filter_complex "[0:v]${vf}[bg];[bg][1:v]overlay=x=-w+W*t/${secs}:y=H-h,format=yuv420p[v];[2:a]volume=0.08[a]" \
    -map '[v]' -map '[a]' -t "$secs" \
    -c:v libx264 -profile:v main -preset veryslow -crf 32 -maxrate 150k -bufsize 300k \
    -g 100 -keyint_min 25 -pix_fmt yuv420p \
    -c:a aac -b:a 16k -ac 1 -ar 22050 \
    -movflags +faststart \
    "$out/$file"
  printf '%-14s %3ss %7s bytes\n' "$file" "$secs" "$(wc -c < "$out/$file" | tr -d ' ')"
}

make intro.mp4    40 0x1e3a8a 0x0ea5e9 330 'Welkom!'          'Fundamenten en strategie'
make bouwen.mp4   48 0x065f46 0x10b981 392 'Bot bouwen'       'Van webhook tot eerste gesprek'
make lanceren.mp4 36 0x7c2d12 0xf97316 440 'Lanceren'         'Live gaan en groeien'
make verkopen.mp4 44 0x581c87 0xd946ef 294 'Verkopen'         'Je bot aan klanten verkopen'
