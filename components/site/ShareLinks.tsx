import { CopyLinkButton } from './CopyLinkButton';

export function ShareLinks({ url, title }: { url: string; title: string }) {
  const encoded = encodeURIComponent(url);
  return (
    <div className="no-print mt-6 flex flex-wrap items-center gap-2 text-sm">
      <span className="font-semibold">Chia sẻ:</span>
      <a
        href={`https://www.facebook.com/sharer/sharer.php?u=${encoded}`}
        target="_blank"
        rel="noopener noreferrer"
        className="rounded bg-[#0866ff] px-3 py-1.5 font-semibold text-white"
        aria-label={`Chia sẻ “${title}” lên Facebook`}
      >
        Facebook
      </a>
      <a
        href={`https://sp.zalo.me/share_inline?d=${encodeURIComponent(JSON.stringify({ url }))}`}
        target="_blank"
        rel="noopener noreferrer"
        className="rounded bg-[#0068ff] px-3 py-1.5 font-semibold text-white"
        aria-label={`Chia sẻ “${title}” qua Zalo`}
      >
        Zalo
      </a>
      <CopyLinkButton url={url} />
    </div>
  );
}
