import type { AttributePath, FilterExpression } from './filter-ast.js'

/**
 * Every attribute path a filter names, with value-path filters' inner paths
 * qualified by their parent (`emails[type eq "work"]` names `emails.type`).
 *
 * @example
 * referencedPaths(parseFilter('groups[value eq "42"] and active eq true'))
 * // [{ attribute: 'groups', subAttribute: 'value' }, { attribute: 'active' }]
 */
export function referencedPaths(filter: FilterExpression): AttributePath[] {
  switch (filter.type) {
    case 'comparison':
    case 'present':
      return [filter.path]
    case 'and':
    case 'or':
      return [...referencedPaths(filter.left), ...referencedPaths(filter.right)]
    case 'not':
      return referencedPaths(filter.expression)
    case 'valuePath':
      return referencedPaths(filter.filter).map((inner) => ({
        ...filter.path,
        subAttribute: inner.attribute,
      }))
  }
}
