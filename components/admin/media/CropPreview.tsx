import { cropRatioLabels, cropRect, type CropRatio, type FocalPoint } from '@/lib/media/crops';

type Props = { src: string; width: number; height: number; ratio: CropRatio; focal: FocalPoint };

/**
 * One crop as the server will cut it (the same cropRect), drawn by placing
 * the image inside a box of the crop's shape: exact while the point is being
 * moved, before anything is saved or made.
 */
export function CropPreview({ src, width, height, ratio, focal }: Props) {
  const rect = cropRect(width, height, ratio, focal);
  return (
    <figure className="w-40 shrink-0">
      <div className="relative w-full overflow-hidden rounded border border-slate-300 bg-slate-100" style={{ aspectRatio: `${rect.width} / ${rect.height}` }}>
        {/* eslint-disable-next-line @next/next/no-img-element -- one of our uploads, positioned as its crop */}
        <img
          src={src}
          alt=""
          className="absolute max-w-none"
          style={{
            width: `${(width / rect.width) * 100}%`,
            height: `${(height / rect.height) * 100}%`,
            left: `${(-rect.left / rect.width) * 100}%`,
            top: `${(-rect.top / rect.height) * 100}%`,
          }}
        />
      </div>
      <figcaption className="mt-1 text-center text-xs text-slate-600">Khung {cropRatioLabels[ratio]}</figcaption>
    </figure>
  );
}
