/** "Thống kê truy cập" — figures are filled in by the visit statistics module. */
export function VisitStats() {
  const rows: [string, string][] = [
    ['Đang online', '—'],
    ['Hôm nay', '—'],
    ['Trong tuần', '—'],
    ['Tất cả', '—'],
  ];
  return (
    <section aria-labelledby="visit-stats-title" data-testid="visit-stats">
      <h2 id="visit-stats-title" className="font-semibold text-white">
        Thống kê truy cập
      </h2>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm">
        {rows.map(([label, value]) => (
          <li key={label}>
            {label}: <span>{value}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
