import { searchPath } from '@/lib/public-paths';

type SearchBoxProps = {
  defaultValue?: string;
  id?: string;
  /** Tells apart two search forms on one page (landmarks need distinct names). */
  label?: string;
};

/** A plain GET form: works without JavaScript and keeps cached pages static. */
export function SearchBox({ defaultValue = '', id = 'header-search', label = 'Tìm kiếm trên cổng thông tin' }: SearchBoxProps) {
  return (
    <form role="search" aria-label={label} action={searchPath()} method="get" className="flex w-full sm:w-80">
      <label htmlFor={id} className="sr-only">
        Tìm kiếm
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={defaultValue}
        maxLength={200}
        placeholder="Tìm kiếm tin bài…"
        className="min-w-0 flex-1 rounded-l border border-white/30 bg-white px-3 py-2 text-slate-900 placeholder:text-slate-500"
      />
      <button type="submit" className="rounded-r bg-accent px-4 py-2 font-semibold text-white hover:bg-red-800">
        Tìm
      </button>
    </form>
  );
}
