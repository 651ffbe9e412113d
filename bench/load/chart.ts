/** A horizontal bar chart as standalone SVG (no dependencies), for docs/performance.md. */
export function barChartSvg(title: string, bars: { label: string; value: number; note?: string }[]): string {
  const width = 760;
  const left = 110;
  const barHeight = 28;
  const gap = 12;
  const top = 44;
  const height = top + bars.length * (barHeight + gap) + 10;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const scale = (width - left - 230) / max;
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const rows = bars
    .map((b, i) => {
      const y = top + i * (barHeight + gap);
      const w = Math.max(1, b.value * scale);
      return `<text x="${left - 8}" y="${y + 19}" text-anchor="end">${esc(b.label)}</text>
  <rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${barHeight}" fill="${i === 0 ? "#888" : "#3b6ea5"}"/>
  <text x="${(left + w + 6).toFixed(1)}" y="${y + 19}">${b.value.toLocaleString("en")}${b.note ? ` · ${esc(b.note)}` : ""}</text>`;
    })
    .join("\n  ");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="13">
  <rect width="100%" height="100%" fill="white"/>
  <text x="10" y="24" font-size="15" font-weight="bold">${esc(title)}</text>
  ${rows}
</svg>
`;
}
