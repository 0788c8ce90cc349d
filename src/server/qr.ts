// The join link as a QR code (SVG), for the teacher to show on the projector.
import qrcode from 'qrcode-generator';

export function qrSvg(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  return qr.createSvgTag({ cellSize: 8, margin: 4, scalable: true });
}
