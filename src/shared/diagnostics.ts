/** "Export diagnostics": one JSON file for support, with no member's data (services/diagnostics). */
export interface DiagnosticsFile {
  fileName: string;
  /** The JSON text; the renderer saves it as a download, the CLI writes it 0600. */
  content: string;
}
