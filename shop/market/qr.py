"""QR codes drawn on the server as SVG (no JavaScript, no external service)."""

import io

import qrcode
import qrcode.image.svg


def qr_svg(data):
    """An SVG document (text) encoding ``data``, scalable for printing."""
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=2,
        image_factory=qrcode.image.svg.SvgPathImage,
    )
    code.add_data(data)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image().save(buffer)
    return buffer.getvalue().decode()
