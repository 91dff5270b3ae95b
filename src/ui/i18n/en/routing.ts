// English strings for routing (architect.md "Routing: all, or exactly one"): the inspector's Route,
// Weight and Sends-when fields and the canvas's "one of" mark.
export const routing = {
  'routing.route': 'Route',
  'routing.route.all': 'All: every outgoing connection sends',
  'routing.route.one': 'One of: exactly one connection, chosen by weight',
  'routing.routeHint': 'With "one of", each message goes along exactly one outgoing connection; the connections\' weights set the odds.',
  'routing.weight': 'Weight',
  'routing.weightHint': 'This connection\'s share of the choice: weight ÷ the sum of the weights ({percent} % now).',
  'routing.when': 'Sends when',
  'routing.when.success': 'The attempt succeeds',
  'routing.when.failure': 'The last attempt fails (compensation, alert)',
  'routing.whenHint': 'A failure connection sends a new message when a copy runs out of attempts; the copy is still dead-lettered or failed.',
  'routing.oneOfMark': 'one of',
  'routing.oneOfTitle': 'Each message goes along exactly one outgoing connection, chosen by weight',
  'routing.failureLabel': 'on failure',
  'routing.weightLabel': 'weight {weight}',
};
