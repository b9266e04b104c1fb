/** Where a running emulator answers: exactly what it prints as its first line, `{arm, fabric, authority, certificate}`. */
export interface EmulatorEndpoints {
  arm: string;
  fabric: string;
  authority: string;
  /** Its self-signed certificate: a path to the PEM file (what the emulator prints) or the PEM itself. */
  certificate: string;
}
