/** Front matter: lossless parse and edit of YAML (`---`), TOML (`+++`) and JSON blocks. */
export { parseFrontMatter, type ParsedFrontMatter, type FrontMatterProblem } from './parse'
export {
  findFrontMatter,
  isFrontMatterBlock,
  type FrontMatterBlock,
  type FrontMatterFormat,
} from './split'
export { setFrontMatterFields } from './edit'
export { parseFieldAssignments } from './assignments'
export { tagList } from './tagList'
