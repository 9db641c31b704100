import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => {}, push: () => {} }) }));

const { MediaUploader } = await import('@/components/admin/media/MediaUploader');
const { MediaDetailsForm } = await import('@/components/admin/media/MediaDetailsForm');
const { DeleteMediaButton } = await import('@/components/admin/media/DeleteMediaButton');

const noAction = async () => ({ ok: true as const, data: null });

describe('the media library markup, as the server renders it', () => {
  it('offers a Vietnamese file button: a label for a visually hidden, multiple file input', () => {
    const html = renderToStaticMarkup(createElement(MediaUploader, { saveDetails: noAction }));
    const input = /<input id="([^"]+)" type="file" multiple="" accept="image\/jpeg,image\/png,image\/webp,image\/gif" aria-describedby="[^"]+" class="peer sr-only"\/>/.exec(html);
    expect(input, html).not.toBeNull();
    expect(html).toContain(`<label for="${input![1]}"`);
    expect(html).toMatch(/>Chọn ảnh<\/label>/);
    expect(html).toContain('Kéo thả ảnh vào đây hoặc');
    expect(html).toContain('tối đa 40 MB mỗi ảnh');
    expect(html).not.toMatch(/Choose|Browse|No file/i);
  });

  it('shows the crops of the saved point, the focal fields in percent, and the fields disabled for someone who may not edit', () => {
    const media = {
      id: 4,
      caption: 'Chợ phiên',
      alt: 'Người dân mua bán',
      credit: 'Lâm Tú',
      focalX: 0.75,
      focalY: 0.3,
      width: 1600,
      height: 900,
      displayUrl: '/media/2026/12/0123456789abcdef0123456789abcdef-w960.png',
      cropUrls: ['16x9', '4x3', '1x1'].map((r) => `/media/2026/12/0123456789abcdef0123456789abcdef-c${r}-f750-300.png`),
    };
    const html = renderToStaticMarkup(createElement(MediaDetailsForm, { media, editable: true, save: noAction }));
    for (const label of ['Chú thích', 'Mô tả ảnh cho người khiếm thị', 'Nguồn ảnh / Tác giả ảnh', 'Điểm lấy nét, ngang (%)', 'Điểm lấy nét, dọc (%)']) expect(html).toContain(label);
    expect(html).toContain('value="75"');
    expect(html).toContain('value="30"');
    expect(html).toContain('Mở ảnh cắt 16:9');
    expect((html.match(/<figure/g) ?? []).length).toBe(3);
    expect(html).toContain('Lưu thông tin ảnh');
    const readOnly = renderToStaticMarkup(createElement(MediaDetailsForm, { media, editable: false, save: noAction }));
    expect(readOnly).toContain('Chỉ người tải ảnh lên hoặc biên tập viên mới sửa được thông tin ảnh này.');
    expect(readOnly).not.toContain('Lưu thông tin ảnh');
    expect((readOnly.match(/disabled=""/g) ?? []).length).toBeGreaterThanOrEqual(6);
  });

  it('disables "Xóa ảnh" with its reason while the image may not be deleted', () => {
    const blocked = renderToStaticMarkup(createElement(DeleteMediaButton, { mediaId: 4, blockedReason: 'Ảnh đang được dùng trong 2 bài viết nên chưa xóa được.', remove: noAction }));
    expect(blocked).toMatch(/<button type="button" disabled=""[^>]*>Xóa ảnh<\/button>/);
    expect(blocked).toContain('Ảnh đang được dùng trong 2 bài viết');
    const open = renderToStaticMarkup(createElement(DeleteMediaButton, { mediaId: 4, blockedReason: null, remove: noAction }));
    expect(open).not.toContain('disabled=""');
  });
});
