"""What an attachment is, read from its content: a name is chosen by the sender, so a program or
a script renamed ``budget.pdf`` must not reach the moderators who open applications.

Magic numbers come from puremagic (pure Python, no libmagic). Office documents are ZIP
containers, which magic numbers cannot tell apart, so their declared type is read from the
container itself: ODF's ``mimetype`` member, OOXML's ``[Content_Types].xml``. Plain text has no
magic number; it is text when it has no NUL byte and decodes as UTF-8 or a legacy 8-bit code page
without control characters."""

import mimetypes
import zipfile

import puremagic

# Types the standard library's table does not name the same way as puremagic.
MIME_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
OOXML_MAIN_PARTS = {
    "docx": "wordprocessingml.document.main+xml",
    "xlsx": "spreadsheetml.sheet.main+xml",
    "pptx": "presentationml.presentation.main+xml",
}
ODF = ("odt", "ods", "odp")
HEAD_BYTES = 64 * 1024
CONTROL = set(range(32)) - {9, 10, 12, 13}


def expected_mime_type(extension):
    extension = extension.lower()
    return MIME_TYPES.get(extension) or mimetypes.guess_type(f"file.{extension}")[0]


def _zip_declares(upload, extension):
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if extension in OOXML_MAIN_PARTS:
                if "[Content_Types].xml" not in names:
                    return False
                types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
                return OOXML_MAIN_PARTS[extension] in types
            if "mimetype" not in names:
                return False
            return archive.read("mimetype").decode("ascii", "replace").strip() == (
                expected_mime_type(extension)
            )
    except (zipfile.BadZipFile, OSError, KeyError, EOFError):
        return False


def _is_text(head):
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut off at the end of the head is still UTF-8.
        if error.start < len(head) - 4:
            return not CONTROL.intersection(head)
    return True


def _magic_matches(head, extension):
    try:
        found = puremagic.magic_string(head)
    except puremagic.PureError:
        return False
    expected = expected_mime_type(extension)
    return any(
        match.extension.lower() == f".{extension}" or (expected and match.mime_type == expected)
        for match in found
    )


def content_matches(upload, extension):
    """Whether the uploaded file's content is a file of ``extension``; leaves it at the start."""
    extension = extension.lower()
    upload.seek(0)
    try:
        if extension in OOXML_MAIN_PARTS or extension in ODF:
            return _zip_declares(upload, extension)
        head = upload.read(HEAD_BYTES)
        if (expected_mime_type(extension) or "").startswith("text/"):
            return _is_text(head)
        return _magic_matches(head, extension)
    finally:
        upload.seek(0)
