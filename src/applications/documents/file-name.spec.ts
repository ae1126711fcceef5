import { attachmentDisposition, cleanFileName } from './file-name';

describe('cleanFileName', () => {
  it.each<[string | undefined, string]>([
    ['scan.pdf', 'scan.pdf'],
    ['C:\\Users\\anna\\Desktop\\zaświadczenie.pdf', 'zaświadczenie.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['line\r\nbreak.png', 'linebreak.png'],
    ['   ', 'document'],
    [undefined, 'document'],
    ['a'.repeat(300), 'a'.repeat(200)],
  ])('%j → %j', (raw, expected) => {
    expect(cleanFileName(raw)).toBe(expected);
  });
});

describe('attachmentDisposition', () => {
  it('names the file after the detected type, not the claimed one', () => {
    expect(attachmentDisposition('photo.exe', 'image/png')).toBe(
      `attachment; filename="photo.png"; filename*=UTF-8''photo.png`,
    );
  });

  it('gives an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentDisposition('Zaświadczenie "szkoła".pdf', 'application/pdf')).toBe(
      `attachment; filename="Zaswiadczenie _szkoa_.pdf"; filename*=UTF-8''Za%C5%9Bwiadczenie%20%22szko%C5%82a%22.pdf`,
    );
  });

  it('never lets a name break out of the header', () => {
    const header = attachmentDisposition('a";\r\nSet-Cookie: x=1;.jpg', 'image/jpeg');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
  });
});
