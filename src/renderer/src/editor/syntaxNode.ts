/** A node of the editor's Markdown syntax tree (`@lezer/common` is not a direct dependency). */
import type { syntaxTree } from '@codemirror/language'

export type SyntaxNode = ReturnType<typeof syntaxTree>['topNode']
