// The offer editor, enhanced: only the fields that apply to the chosen kind of discount, kind of offer and
// audience are shown. Without this script every field shows, each saying when it applies; the server reads
// only the ones that apply either way.

const DEPENDENT = {
  benefitType: { percent: ['percent'], amount_off: ['amount'], special_price: ['price'] },
  scheduleKind: {
    temporary: ['startsOn', 'endsOn'],
    seasonal: ['fromMonthDay', 'toMonthDay'],
    occasional: ['startsAt', 'endsAt'],
  },
  audienceKind: { age_range: ['minAge', 'maxAge'] },
};

const fieldOf = (name) => document.getElementById(name)?.closest('.field');

function update(group) {
  const chosen = document.querySelector(`input[name="${group}"]:checked`)?.value;
  const rules = DEPENDENT[group];
  for (const [value, names] of Object.entries(rules))
    for (const name of names) {
      const field = fieldOf(name);
      // A field with an error stays visible, so the error summary's link always leads somewhere.
      if (field && !field.querySelector('.field-error')) field.hidden = value !== chosen;
    }
}

for (const group of Object.keys(DEPENDENT)) {
  for (const input of document.querySelectorAll(`input[name="${group}"]`))
    input.addEventListener('change', () => update(group));
  update(group);
}
