/** Uploading a new version of the power list (POST /api/v1/powerlists/import), with progress. */
import type { TImportResponse } from '@contracts/powerlist-import.js';
import { type UploadProgress, uploadForm } from './http.js';

/** Checks (dryRun) or imports a list file. */
export function uploadPowerList(
  file: File,
  options: { dryRun: boolean; onProgress: (progress: UploadProgress) => void; signal?: AbortSignal },
): Promise<TImportResponse> {
  const form = new FormData();
  form.append('dryRun', options.dryRun ? 'true' : 'false');
  form.append('file', file, file.name);
  return uploadForm('/api/v1/powerlists/import', form, options.onProgress, options.signal);
}
