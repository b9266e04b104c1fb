/** The environments a user can point the extension at (setting `sqlDataMovement.environment`). */
export type EnvironmentKind = 'AzureCloud' | 'AzureUSGovernment' | 'AzureChinaCloud' | 'LocalEmulator' | 'Custom';

export const environmentKinds: readonly EnvironmentKind[] = [
  'AzureCloud',
  'AzureUSGovernment',
  'AzureChinaCloud',
  'LocalEmulator',
  'Custom',
];

export const environmentLabels: Record<EnvironmentKind, string> = {
  AzureCloud: 'Azure',
  AzureUSGovernment: 'Azure US Government',
  AzureChinaCloud: 'Azure China (21Vianet)',
  LocalEmulator: 'Local Emulator',
  Custom: 'Custom Environment',
};

export function isEnvironmentKind(value: unknown): value is EnvironmentKind {
  return typeof value === 'string' && (environmentKinds as readonly string[]).includes(value);
}
