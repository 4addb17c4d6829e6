"""Attachments are checked by what they contain, not by their names: a script or program renamed
to an allowed extension is refused, while the real documents and images people send pass."""

import io
import zipfile

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from apps.projects.calls.attachments import AttachmentField


def _image(kind):
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(out, kind)
    return out.getvalue()


def _zip(members):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members:
            archive.writestr(name, data)
    return out.getvalue()


def _ooxml(main):
    types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'content-types"><Override PartName="/main.xml" ContentType="{main}"/></Types>'
    )
    return _zip([("[Content_Types].xml", types), ("main.xml", "<x/>")])


def _odf(mimetype):
    return _zip([("mimetype", mimetype), ("content.xml", "<x/>")])


OPENXML = "application/vnd.openxmlformats-officedocument"
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
)
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 120
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 120
DOCX = _ooxml(f"{OPENXML}.wordprocessingml.document.main+xml")
XLSX = _ooxml(f"{OPENXML}.spreadsheetml.sheet.main+xml")
ODT = _odf("application/vnd.oasis.opendocument.text")
ODS = _odf("application/vnd.oasis.opendocument.spreadsheet")

GOOD = {
    "budget.pdf": PDF,
    "photo.png": _image("PNG"),
    "photo.jpg": _image("JPEG"),
    "photo.jpeg": _image("JPEG"),
    "plan.docx": DOCX,
    "plan.odt": ODT,
    "budget.xlsx": XLSX,
    "budget.ods": ODS,
    "notes.txt": "Budget för byalaget: 12 000 kr\n".encode(),
    "NOTES.PDF": PDF,
}
BAD = {
    "drawing.png": SVG,
    "program.pdf": ELF,
    "setup.pdf": EXE,
    "setup.txt": EXE,
    "photo.jpg": _image("PNG"),
    "archive.docx": _zip([("evil.exe", EXE)]),
    "text.odt": DOCX,
    "sheet.docx": XLSX,
    "notes.pdf": b"just some text pretending",
    "empty.png": b"\x89PNG",
}


def _clean(name, data):
    return AttachmentField().clean(SimpleUploadedFile(name, data))


@pytest.mark.parametrize("name", GOOD)
def test_real_documents_and_images_pass(name):
    assert _clean(name, GOOD[name]).name == name


@pytest.mark.parametrize("name", BAD)
def test_content_that_does_not_match_the_extension_is_refused(name):
    with pytest.raises(forms.ValidationError) as refused:
        _clean(name, BAD[name])
    assert refused.value.code == "wrong_content"
    assert name.rsplit(".", 1)[1] in str(refused.value.messages)


def test_an_extension_a_host_adds_is_checked_against_its_usual_type(settings):
    settings.BYGD_CALL_ATTACHMENT_EXTENSIONS = ["pdf", "gif"]
    out = io.BytesIO()
    Image.new("RGB", (2, 2)).save(out, "GIF")
    assert _clean("anim.gif", out.getvalue())
    with pytest.raises(forms.ValidationError):
        _clean("anim.gif", PDF)


def test_the_file_is_read_again_from_the_start_after_the_check():
    upload = _clean("budget.pdf", PDF)
    assert upload.read() == PDF
