import { checkSettings, readSettingsForm, settingsErrorsOf } from './console-settings-form';

/** A complete, valid form as the page posts it. */
const valid: Record<string, string> = {
  name: 'Karta Dużej Rodziny',
  languages: 'pl, en',
  timeZone: 'Europe/Warsaw',
  currency: 'PLN',
  minChildren: '3',
  childAgeLimit: '18',
  educationAgeLimit: '25',
  educationEndRule: 'september30After',
  formerLargeFamilyParentsQualify: 'yes',
  nationalIdFormat: 'PESEL',
  residencyKind: 'none',
  residencyValues: '',
  parentValidity: 'lifetime',
  decisionDeadlineDays: '7',
  reminderLeadDays: '30',
  duplicateCardFee: '0',
  taxNumberFormat: 'NIP',
  partnerAgreementVersion: '1.0',
  offerEditsNeedApproval: 'yes',
  redemptionCancelMinutes: '15',
  retentionMonths: '12',
  validationRetentionDays: '365',
  brandColour: '',
  brandTextColour: '',
};

const errorsFor = async (changes: Record<string, string | undefined>) => {
  const body = { ...valid, ...changes };
  for (const [k, v] of Object.entries(changes)) if (v === undefined) delete body[k];
  return (await checkSettings(readSettingsForm(body).update)).errors;
};

describe('readSettingsForm', () => {
  it('turns the text into the API’s update', () => {
    const { update } = readSettingsForm({
      ...valid,
      languages: 'pl,en ; de',
      residencyKind: 'postalCodePrefixes',
      residencyValues: '00-\n01- , 02-',
      formerLargeFamilyParentsQualify: undefined,
      brandColour: ' #1D4ED8 ',
      brandTextColour: '#ffffff',
    });
    expect(update).toMatchObject({
      languages: ['pl', 'en', 'de'],
      minChildren: 3,
      formerLargeFamilyParentsQualify: false,
      offerEditsNeedApproval: true,
      residency: { kind: 'postalCodePrefixes', values: ['00-', '01-', '02-'] },
      brandColour: '#1D4ED8',
    });
    expect(readSettingsForm(valid).update).toMatchObject({ brandColour: null, brandTextColour: null });
  });
});

describe('checkSettings (the API’s own rules)', () => {
  it('accepts the valid form, the colours lower-cased', async () => {
    const { errors, dto } = await checkSettings(
      readSettingsForm({ ...valid, brandColour: '#1D4ED8', brandTextColour: '#FFFFFF' }).update,
    );
    expect(errors).toEqual({});
    expect(dto.brandColour).toBe('#1d4ed8');
  });

  it.each<[Record<string, string | undefined>, Record<string, string>]>([
    [{ name: '' }, { name: 'invalid.name' }],
    [{ languages: '' }, { languages: 'invalid.languages' }],
    [{ languages: 'pl, polish' }, { languages: 'invalid.languages' }],
    [{ timeZone: 'Mars/Olympus' }, { timeZone: 'invalid.timeZone' }],
    [{ currency: 'zł' }, { currency: 'invalid.currency' }],
    [{ minChildren: '0' }, { minChildren: 'invalid.minChildren' }],
    [{ minChildren: '21' }, { minChildren: 'invalid.minChildren' }],
    [{ minChildren: '2.5' }, { minChildren: 'invalid.minChildren' }],
    [{ childAgeLimit: '' }, { childAgeLimit: 'invalid.childAgeLimit' }],
    [{ educationEndRule: 'never' }, { educationEndRule: 'invalid.educationEndRule' }],
    [{ nationalIdFormat: 'SSN-XX' }, { nationalIdFormat: 'invalid.nationalIdFormat' }],
    [{ residencyKind: 'planet' }, { residencyKind: 'invalid.residencyKind' }],
    [{ residencyKind: 'none', residencyValues: '00-!' }, { residencyValues: 'invalid.residencyValues' }],
    [{ parentValidity: 'forever' }, { parentValidity: 'invalid.parentValidity' }],
    [{ decisionDeadlineDays: '366' }, { decisionDeadlineDays: 'invalid.decisionDeadlineDays' }],
    [{ reminderLeadDays: '-1' }, { reminderLeadDays: 'invalid.reminderLeadDays' }],
    [{ duplicateCardFee: '10000001' }, { duplicateCardFee: 'invalid.duplicateCardFee' }],
    [{ taxNumberFormat: '' }, { taxNumberFormat: 'invalid.taxNumberFormat' }],
    [{ partnerAgreementVersion: 'v 2' }, { partnerAgreementVersion: 'invalid.partnerAgreementVersion' }],
    [{ redemptionCancelMinutes: '1441' }, { redemptionCancelMinutes: 'invalid.redemptionCancelMinutes' }],
    [{ retentionMonths: '241' }, { retentionMonths: 'invalid.retentionMonths' }],
    [{ validationRetentionDays: '0' }, { validationRetentionDays: 'invalid.validationRetentionDays' }],
    [{ brandColour: 'teal', brandTextColour: '#ffffff' }, { brandColour: 'invalid.brandColour' }],
    [{ brandColour: '#0f766e', brandTextColour: '#fff' }, { brandTextColour: 'invalid.brandTextColour' }],
    [
      { minChildren: 'x', retentionMonths: '999' },
      { minChildren: 'invalid.minChildren', retentionMonths: 'invalid.retentionMonths' },
    ],
  ])('%j → %j', async (changes, errors) => {
    expect(await errorsFor(changes)).toEqual(errors);
  });
});

describe('settingsErrorsOf (the service’s refusals)', () => {
  it.each([
    [
      { field: 'residency.values', message: 'residency.values must list at least one code' },
      'residencyValues',
      'invalid.residencyValues',
    ],
    [
      { field: 'brandTextColour', message: 'brandTextColour must have a contrast ratio of at least 4.5:1' },
      'brandTextColour',
      'contrastTooLow',
    ],
    [
      { field: 'brandTextColour', message: 'brandColour and brandTextColour are set together' },
      'brandTextColour',
      'pairIncomplete',
    ],
  ])('%j → %s: %s', (error, name, key) => {
    expect(settingsErrorsOf([error])).toEqual({ [name]: key });
  });
});
