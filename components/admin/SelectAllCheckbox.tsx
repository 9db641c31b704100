'use client';

/** "Chọn tất cả": ticks or clears every row checkbox that belongs to the bulk form. */
export function SelectAllCheckbox({ formId }: { formId: string }) {
  return (
    <input
      type="checkbox"
      aria-label="Chọn tất cả bài trên trang"
      className="h-5 w-5"
      onChange={(event) => {
        const boxes = document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="ids"][form="${formId}"]`);
        for (const box of boxes) box.checked = event.currentTarget.checked;
      }}
    />
  );
}
