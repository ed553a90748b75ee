// What names a Word document, apart from the reader itself, so that sniffing a file does not load it.

export const DOCX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
/** Names that promise a Word document in the Office Open XML (zip) format. */
export const WORD_FILE_NAME = /\.(?:docx|docm|dotx|dotm)$/i
