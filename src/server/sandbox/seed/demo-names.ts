/**
 * Word lists for the seeded sandbox. They aim at a support org a reviewer recognises: people from
 * many places, groups named the way real help desks name them, and company-like organizations.
 */

// biome-ignore format: word lists read better packed
export const FIRST_NAMES: readonly string[] = [
  'Aaliyah', 'Abebe', 'Adaeze', 'Adrián', 'Aiko', 'Aisha', 'Akira', 'Alejandro', 'Amara', 'Amir', 'Ana',
  'Anders', 'Andrea', 'Anh', 'Anika', 'Arjun', 'Astrid', 'Ayumi', 'Beatriz', 'Benjamin', 'Bilal', 'Björn',
  'Camila', 'Carlos', 'Chen', 'Chiamaka', 'Chloé', 'Chidi', 'Daniel', 'Dara', 'David', 'Deepika', 'Diego',
  'Dmitri', 'Efua', 'Elena', 'Elif', 'Emeka', 'Emily', 'Emma', 'Esther', 'Fatima', 'Felipe', 'Freya',
  'Gabriel', 'Giulia', 'Hana', 'Hannah', 'Hassan', 'Hiroshi', 'Ibrahim', 'Ines', 'Ingrid', 'Isabela', 'Ivan',
  'Jamal', 'James', 'Javier', 'Ji-woo', 'Jin', 'João', 'Jonas', 'Julia', 'Kai', 'Kavya', 'Kemal', 'Kenji',
  'Kofi', 'Laila', 'Lars', 'Leila', 'Liam', 'Lina', 'Lucas', 'Luis', 'Maria', 'Mariam', 'Marta', 'Mateo',
  'Mei', 'Mia', 'Miguel', 'Min-jun', 'Mohammed', 'Nadia', 'Naledi', 'Nikhil', 'Nina', 'Noah', 'Nomvula',
  'Olga', 'Olivia', 'Omar', 'Oscar', 'Paulo', 'Priya', 'Rafael', 'Rahul', 'Ravi', 'Rin', 'Rosa', 'Sakura',
  'Samir', 'Santiago', 'Sara', 'Seo-yeon', 'Siddharth', 'Siobhan', 'Sofia', 'Søren', 'Sunita', 'Tariq',
  'Tendai', 'Thabo', 'Thomas', 'Tomás', 'Valentina', 'Wei', 'Xin', 'Yara', 'Yasmin', 'Yuki', 'Yusuf',
  'Zainab', 'Zanele', 'Zoë',
];

// biome-ignore format: word lists read better packed
export const LAST_NAMES: readonly string[] = [
  'Abubakar', 'Adeyemi', 'Agarwal', 'Ahmed', 'Alvarez', 'Andersen', 'Asante', 'Bakker', 'Banerjee', 'Bauer',
  'Becker', 'Bergström', 'Bianchi', 'Brown', 'Castillo', 'Chen', 'Choi', 'Costa', 'Cruz', 'Dubois',
  'Dlamini', 'Eriksson', 'Fernandes', 'Fischer', 'Fujita', 'García', 'Gomez', 'Gonzalez', 'Gupta', 'Haddad',
  'Hansen', 'Hernández', 'Hoang', 'Hossain', 'Huang', 'Ibrahim', 'Ivanova', 'Iyer', 'Jansen', 'Jensen',
  'Johnson', 'Kamau', 'Kang', 'Kaur', 'Khan', 'Kim', 'Kowalski', 'Kumar', 'Larsen', 'Laurent', 'Lee',
  'Lindqvist', 'Liu', 'Lopez', 'Mahlangu', 'Martin', 'Martínez', 'Mendoza', 'Mensah', 'Meyer', 'Moreau',
  'Morales', 'Müller', 'Murphy', 'Nakamura', 'Nguyen', 'Novak', 'Nowak', 'Nwosu', "O'Brien", 'Okafor',
  'Okonkwo', 'Oliveira', 'Olsen', 'Ortiz', 'Osei', 'Park', 'Patel', 'Pereira', 'Petrov', 'Popescu', 'Quispe',
  'Rahman', 'Ramírez', 'Reddy', 'Reyes', 'Rossi', 'Rodrigues', 'Romano', 'Sato', 'Schmidt', 'Schneider',
  'Sesay', 'Shah', 'Silva', 'Singh', 'Smith', 'Sokolova', 'Suzuki', 'Takahashi', 'Tanaka', 'Tran',
  'Van der Berg', 'Vasquez', 'Virtanen', 'Wagner', 'Wang', 'Watanabe', 'Williams', 'Wilson', 'Wong', 'Wu',
  'Yamamoto', 'Yang', 'Yilmaz', 'Yusuf', 'Zhang', 'Zhou', 'Zielinski', 'Zulu',
];

export interface GroupName {
  name: string;
  description: string;
  isPublic: boolean;
}

/**
 * The regular groups, account default first. The first five make up the tiny scale, so a private
 * group is among them; the demo scale takes the first 59 and adds the Overflow Queue.
 */
export const GROUP_NAMES: readonly GroupName[] = [
  {
    name: 'Tier 1 Support',
    description: 'First line for every new ticket: triage and common questions.',
    isPublic: true,
  },
  {
    name: 'Tier 2 Support',
    description: 'Tickets Tier 1 could not solve within one business day.',
    isPublic: true,
  },
  { name: 'Billing', description: 'Invoices, payment failures, plan changes and refunds.', isPublic: true },
  {
    name: 'Escalations EMEA',
    description: 'Executive and legal escalations for Europe, Middle East and Africa.',
    isPublic: true,
  },
  {
    name: 'VIP Accounts',
    description: 'Named agents for the top strategic accounts. Membership by invitation.',
    isPublic: false,
  },
  { name: 'Onboarding', description: 'New customers during their first 30 days.', isPublic: true },
  {
    name: 'Escalations Americas',
    description: 'Executive and legal escalations for North and South America.',
    isPublic: true,
  },
  {
    name: 'Escalations APAC',
    description: 'Executive and legal escalations for Asia Pacific.',
    isPublic: true,
  },
  { name: 'Tier 1 Support EMEA', description: 'First line during European business hours.', isPublic: true },
  {
    name: 'Tier 1 Support Americas',
    description: 'First line during American business hours.',
    isPublic: true,
  },
  {
    name: 'Tier 1 Support APAC',
    description: 'First line during Asia Pacific business hours.',
    isPublic: true,
  },
  { name: 'Tier 2 Support EMEA', description: 'Second line for European customers.', isPublic: true },
  { name: 'Tier 2 Support Americas', description: 'Second line for American customers.', isPublic: true },
  { name: 'Tier 2 Support APAC', description: 'Second line for Asia Pacific customers.', isPublic: true },
  {
    name: 'Tier 3 Engineering Liaison',
    description: 'Reproduces defects and hands them to product engineering.',
    isPublic: true,
  },
  { name: 'Billing EMEA', description: 'VAT invoices, SEPA mandates and EUR/GBP payments.', isPublic: true },
  { name: 'Billing Americas', description: 'USD, CAD and BRL invoicing and card disputes.', isPublic: true },
  {
    name: 'Billing APAC',
    description: 'JPY, AUD and INR invoicing and local payment methods.',
    isPublic: true,
  },
  { name: 'Collections', description: 'Overdue invoices and dunning follow-up.', isPublic: true },
  { name: 'Refunds & Chargebacks', description: 'Refund approvals and chargeback evidence.', isPublic: true },
  {
    name: 'Trust & Safety',
    description: 'Abuse reports, fraud and account takeovers. Restricted membership.',
    isPublic: false,
  },
  {
    name: 'Security Incidents',
    description: 'Suspected breaches and vulnerability reports. Restricted membership.',
    isPublic: false,
  },
  {
    name: 'Privacy & GDPR Requests',
    description: 'Data access, export and erasure requests.',
    isPublic: true,
  },
  { name: 'Enterprise Onboarding', description: 'Guided rollout for enterprise contracts.', isPublic: true },
  { name: 'Account Management', description: 'Renewals, upgrades and contract questions.', isPublic: true },
  {
    name: 'Customer Success NA',
    description: 'Adoption reviews for North American accounts.',
    isPublic: true,
  },
  { name: 'Customer Success EMEA', description: 'Adoption reviews for European accounts.', isPublic: true },
  {
    name: 'Customer Success APAC',
    description: 'Adoption reviews for Asia Pacific accounts.',
    isPublic: true,
  },
  {
    name: 'Technical Account Managers',
    description: 'Dedicated technical contacts for premium plans.',
    isPublic: true,
  },
  { name: 'API & Integrations', description: 'REST API, webhooks and marketplace apps.', isPublic: true },
  { name: 'Identity & SSO', description: 'SAML, SCIM provisioning and login problems.', isPublic: true },
  { name: 'Data Imports', description: 'Bulk imports, migrations and CSV problems.', isPublic: true },
  { name: 'Mobile Apps', description: 'iOS and Android app questions and crashes.', isPublic: true },
  { name: 'Web Platform', description: 'Browser app behaviour, performance and outages.', isPublic: true },
  { name: 'Returns & Exchanges', description: 'Return labels, exchanges and restocking.', isPublic: true },
  {
    name: 'Shipping & Logistics',
    description: 'Delivery delays, lost parcels and carrier claims.',
    isPublic: true,
  },
  { name: 'Warranty Claims', description: 'Warranty checks and replacement approvals.', isPublic: true },
  { name: 'Hardware RMA', description: 'Return merchandise authorisations for devices.', isPublic: true },
  { name: 'Partner Support', description: 'Questions from implementation partners.', isPublic: true },
  { name: 'Reseller Desk', description: 'Orders and licensing through resellers.', isPublic: true },
  {
    name: 'Education & Nonprofit',
    description: 'Discount programmes for schools and charities.',
    isPublic: true,
  },
  {
    name: 'Public Sector',
    description: 'Government accounts with procurement requirements.',
    isPublic: true,
  },
  { name: 'Healthcare Accounts', description: 'Customers under HIPAA agreements.', isPublic: true },
  {
    name: 'Financial Services Accounts',
    description: 'Banks, insurers and regulated fintechs.',
    isPublic: true,
  },
  { name: 'Retail Accounts', description: 'Retail chains and e-commerce merchants.', isPublic: true },
  {
    name: 'Social Media Response',
    description: 'Mentions and direct messages on social channels.',
    isPublic: true,
  },
  { name: 'Live Chat Team', description: 'Real-time chat on the website and in the app.', isPublic: true },
  { name: 'Phone Support', description: 'Inbound calls and callbacks.', isPublic: true },
  { name: 'Email Triage', description: 'Routes unassigned email to the right queue.', isPublic: true },
  { name: 'Spanish Language Support', description: 'Tickets written in Spanish.', isPublic: true },
  { name: 'Portuguese Language Support', description: 'Tickets written in Portuguese.', isPublic: true },
  { name: 'French Language Support', description: 'Tickets written in French.', isPublic: true },
  { name: 'German Language Support', description: 'Tickets written in German.', isPublic: true },
  { name: 'Japanese Language Support', description: 'Tickets written in Japanese.', isPublic: true },
  { name: 'Weekend Coverage', description: 'Saturday and Sunday rota across all regions.', isPublic: true },
  { name: 'Night Shift Americas', description: 'Overnight coverage for the Americas.', isPublic: true },
  { name: 'Quality Assurance', description: 'Reviews solved tickets against the QA rubric.', isPublic: true },
  { name: 'Knowledge Base Editors', description: 'Keeps help-center articles accurate.', isPublic: true },
  { name: 'Workforce Management', description: 'Schedules, forecasts and shift swaps.', isPublic: true },
  {
    name: 'Training & Enablement',
    description: 'New-hire training and product certifications.',
    isPublic: true,
  },
  { name: 'Community Moderators', description: 'Community forum moderation.', isPublic: true },
];

// biome-ignore format: word lists read better packed
export const ORGANIZATION_PREFIXES: readonly string[] = [
  'Acorn', 'Aldergrove', 'Amberline', 'Apex', 'Arcadia', 'Ashford', 'Aurora', 'Basalt', 'Beacon',
  'Birchwood', 'Blue Harbor', 'Bluefin', 'Brightwater', 'Cardinal', 'Cedar', 'Clearpath', 'Cobalt',
  'Copperleaf', 'Crescent', 'Driftwood', 'Eastgate', 'Emberly', 'Evergreen', 'Fairhaven', 'Falcon',
  'Fernhill', 'Foxglove', 'Granite', 'Greystone', 'Harborview', 'Highland', 'Horizon', 'Ironbridge',
  'Juniper', 'Keystone', 'Kingfisher', 'Lakeshore', 'Larkspur', 'Lighthouse', 'Lumen', 'Maple', 'Meridian',
  'Milestone', 'Mosaic', 'Northwind', 'Oakridge', 'Orchid', 'Pinnacle', 'Polaris', 'Quarry', 'Redwood',
  'Ridgeline', 'Riverbend', 'Saffron', 'Sandstone', 'Sequoia', 'Silverline', 'Skyward', 'Solstice', 'Summit',
  'Sunbeam', 'Tidewater', 'Timberline', 'Trailhead', 'Trillium', 'Upland', 'Vantage', 'Verdant', 'Waypoint',
  'Westbrook', 'Willow', 'Zenith',
];

// biome-ignore format: word lists read better packed
export const ORGANIZATION_INDUSTRIES: readonly string[] = [
  'Analytics', 'Apparel', 'Bank', 'Biotech', 'Brewing', 'Capital', 'Clinics', 'Cloud', 'Consulting',
  'Dental', 'Energy', 'Engineering', 'Foods', 'Freight', 'Games', 'Health', 'Hotels', 'Insurance', 'Labs',
  'Learning', 'Logistics', 'Manufacturing', 'Media', 'Mobility', 'Motors', 'Networks', 'Outdoor', 'Partners',
  'Pharma', 'Properties', 'Publishing', 'Retail', 'Robotics', 'Security', 'Software', 'Solar', 'Systems',
  'Telecom', 'Travel', 'Ventures',
];

/** Empty strings keep most names bare, as most customers write them. */
// biome-ignore format: word lists read better packed
export const ORGANIZATION_LEGAL_FORMS: readonly string[] = [
  '', '', '', '', '', 'Inc.', 'Ltd', 'LLC', 'GmbH', 'S.A.', 'B.V.', 'AB', 'Pty Ltd', 'K.K.', 'S.r.l.', 'Oy',
];

// biome-ignore format: word lists read better packed
export const ORGANIZATION_TLDS: readonly string[] = [
  'com', 'com', 'com', 'com', 'io', 'co', 'net', 'co.uk', 'de', 'fr', 'com.au', 'nl', 'se', 'jp', 'com.br',
];

// biome-ignore format: word lists read better packed
export const ORGANIZATION_TAGS: readonly string[] = [
  'enterprise', 'mid-market', 'smb', 'priority', 'trial', 'churn-risk', 'renewal-due', 'partner', 'reseller',
  'gdpr', 'hipaa', 'sso', 'beta', 'nonprofit', 'education', 'annual-plan', 'monthly-plan',
];

// biome-ignore format: word lists read better packed
export const ORGANIZATION_DETAILS: readonly string[] = [
  'Annual contract, invoiced quarterly.', 'Premium support plan with a 4-hour first-response target.',
  'Rolled out to all regional offices last year.',
  'Uses the API heavily; integration owned by their platform team.',
  'Signed through a reseller; billing questions go to the partner.',
  'Pilot with one department, expansion under discussion.',
  'Headquartered in Europe; data must stay in the EU region.',
];

// biome-ignore format: word lists read better packed
export const ORGANIZATION_NOTES: readonly string[] = [
  'Escalate outages to the account manager first.', 'Prefers phone callbacks over email.',
  'Renewal conversation scheduled for next quarter.', 'Security questionnaire on file, renewed yearly.',
  'Main contact is on parental leave; use the deputy.',
  'Ask for the purchase order number on every billing ticket.',
];

/** Personal mailbox domains for end users who write in outside any organization. */
// biome-ignore format: word lists read better packed
export const PERSONAL_EMAIL_DOMAINS: readonly string[] = [
  'example.com', 'example.net', 'example.org', 'mail.example', 'inbox.example',
];

/** Every agent and admin uses the support team's own domain. */
export const STAFF_EMAIL_DOMAIN = 'support.roster.example';

/** Zendesk's own time-zone names (Rails style), which the API returns in `time_zone`. */
// biome-ignore format: word lists read better packed
export const TIME_ZONES: readonly string[] = [
  'Pacific Time (US & Canada)', 'Mountain Time (US & Canada)', 'Central Time (US & Canada)',
  'Eastern Time (US & Canada)', 'Mexico City', 'Bogota', 'Lima', 'Santiago', 'Buenos Aires', 'Brasilia',
  'UTC', 'London', 'Dublin', 'Lisbon', 'Madrid', 'Paris', 'Amsterdam', 'Berlin', 'Stockholm', 'Warsaw',
  'Athens', 'Istanbul', 'Cairo', 'Nairobi', 'Pretoria', 'West Central Africa', 'Dubai', 'Mumbai', 'Kolkata',
  'Bangkok', 'Singapore', 'Beijing', 'Hong Kong', 'Seoul', 'Tokyo', 'Sydney', 'Auckland',
];

/** Lowercase ASCII letters and digits only, for email local parts and domains. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/[^a-z0-9]/g, '');
}
