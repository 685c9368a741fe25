/**
 * The names of FolioApi's methods and events as plain data, for the preload, which must stay tiny
 * and cannot carry the schemas. A unit test keeps this list equal to `apiInputs` in api.ts.
 */
export const apiMethodNames = [
  'getAppInfo',
  'getWorkspace',
  'openWorkspace',
  'chooseWorkspace',
  'listArticles',
  'readArticle',
  'saveArticle',
  'createArticle',
  'getTheme',
  'buildSite',
  'publishSite',
  'setSecret',
  'cancelPublish',
  'testConnection',
  'getPublishHistory',
  'renameArticle',
  'duplicateArticle',
  'saveArticleCopy',
  'trashArticle',
  'listTrash',
  'restoreArticle',
  'setArticleFields',
  'writeJournal',
  'listJournal',
  'discardJournal',
  'importAsset',
  'listAssetUsage',
  'searchArticles',
  'setSpellCheckLanguages',
] as const

export const eventNames = ['articleChanged', 'publishProgress', 'openFolderRequested'] as const
