/** The categories every new programme starts with; admins rename, reorder and add to them. */
export const DEFAULT_CATEGORIES: ReadonlyArray<{ slug: string; names: Record<string, string> }> = [
  {
    slug: 'culture',
    names: { pl: 'Kultura', en: 'Culture', hu: 'Kultúra', ro: 'Cultură', bg: 'Култура', ru: 'Культура' },
  },
  {
    slug: 'sport-recreation',
    names: {
      pl: 'Sport i rekreacja',
      en: 'Sport and recreation',
      hu: 'Sport és szabadidő',
      ro: 'Sport și recreere',
      bg: 'Спорт и отдих',
      ru: 'Спорт и отдых',
    },
  },
  {
    slug: 'education',
    names: {
      pl: 'Edukacja',
      en: 'Education',
      hu: 'Oktatás',
      ro: 'Educație',
      bg: 'Образование',
      ru: 'Образование',
    },
  },
  {
    slug: 'health',
    names: { pl: 'Zdrowie', en: 'Health', hu: 'Egészség', ro: 'Sănătate', bg: 'Здраве', ru: 'Здоровье' },
  },
  {
    slug: 'food',
    names: { pl: 'Gastronomia', en: 'Food', hu: 'Vendéglátás', ro: 'Alimentație', bg: 'Храна', ru: 'Еда' },
  },
  {
    slug: 'shopping',
    names: {
      pl: 'Zakupy',
      en: 'Shopping',
      hu: 'Vásárlás',
      ro: 'Cumpărături',
      bg: 'Пазаруване',
      ru: 'Покупки',
    },
  },
  {
    slug: 'services',
    names: { pl: 'Usługi', en: 'Services', hu: 'Szolgáltatások', ro: 'Servicii', bg: 'Услуги', ru: 'Услуги' },
  },
  {
    slug: 'transport',
    names: {
      pl: 'Transport',
      en: 'Transport',
      hu: 'Közlekedés',
      ro: 'Transport',
      bg: 'Транспорт',
      ru: 'Транспорт',
    },
  },
  {
    slug: 'tourism',
    names: { pl: 'Turystyka', en: 'Tourism', hu: 'Turizmus', ro: 'Turism', bg: 'Туризъм', ru: 'Туризм' },
  },
  {
    slug: 'online',
    names: { pl: 'Online', en: 'Online', hu: 'Online', ro: 'Online', bg: 'Онлайн', ru: 'Онлайн' },
  },
];
