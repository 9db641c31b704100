/** The `<option>`s of a category picker: an empty choice with its label, then every category in menu order. */
export function CategoryOptions({ categories, emptyLabel }: { categories: readonly { id: number; name: string }[]; emptyLabel: string }) {
  return (
    <>
      <option value="">{emptyLabel}</option>
      {categories.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </>
  );
}
