/** Export files the engine writes are named `<uuid>.<ext>` in the workspace's export folder; nothing else may be served or saved. */
export const EXPORT_FILE = /^[a-f0-9-]{36}\.(csv|xlsx|docx)$/
