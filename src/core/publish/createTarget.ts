/**
 * Turns a target's config into the PublishTarget for its type.
 */
import { FolioError } from '../errors'
import type { PublishTarget, TargetContext } from './publishTarget'
import { createFolderTarget } from './targets/folderTarget'
import { createFtpTarget } from './targets/ftpTarget'
import { createGitTarget } from './targets/gitTarget'
import { createNetlifyTarget } from './targets/netlifyTarget'
import { createS3Target } from './targets/s3Target'
import { createSftpTarget } from './targets/sftpTarget'

const factories: Record<string, (ctx: TargetContext) => PublishTarget | Promise<PublishTarget>> = {
  folder: createFolderTarget,
  sftp: createSftpTarget,
  s3: createS3Target,
  git: createGitTarget,
  ftp: createFtpTarget,
  netlify: createNetlifyTarget,
}

/** The publish target types Folio knows, as written in folio.yaml `type:`. */
export const targetTypes = Object.keys(factories)

/** Creates the target for `ctx.config.type`; an unknown type is a 'config' FolioError. */
export async function createTarget(ctx: TargetContext): Promise<PublishTarget> {
  const factory = factories[ctx.config.type]
  if (!factory) {
    throw new FolioError(
      'config',
      `Publish target "${ctx.config.name}" has type "${ctx.config.type}", which Folio does not know. Use one of: ${targetTypes.join(', ')}.`,
      { path: 'folio.yaml' },
    )
  }
  return factory(ctx)
}
