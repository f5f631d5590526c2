import { derivedId } from "./ids";

/** The prospects' companies and the people who join calls from them. */
export interface Prospect { name: string; title: string; email: string; phone: string | null }
export interface Customer { name: string; domain: string; industry: string; prospects: Prospect[] }

const RAW: Array<[string, string, string, Array<[string, string]>]> = [
  ["Globex", "globex.example", "logistics", [["Hank Scorpio", "VP of Sales"], ["Mona Lisa Vito", "RevOps Manager"], ["Frank Grimes", "IT Director"]]],
  ["Initech", "initech.example", "software", [["Bill Lumbergh", "Director of Operations"], ["Joanna Park", "Head of Enablement"], ["Milton Waddams", "Procurement"]]],
  ["Umbrella Health", "umbrella-health.example", "healthcare", [["Alice Abernathy", "Chief Revenue Officer"], ["Carlos Oliveira", "Sales Operations Analyst"]]],
  ["Stark Logistics", "stark-logistics.example", "shipping", [["Pepper Potts", "COO"], ["Happy Hogan", "Security Lead"], ["Maria Hill", "Finance Manager"]]],
  ["Wayne Retail", "wayne-retail.example", "retail", [["Lucius Fox", "CTO"], ["Selina Kyle", "Head of Sales"]]],
  ["Hooli", "hooli.example", "technology", [["Gavin Belson", "CEO"], ["Nelson Bighetti", "Sales Enablement Lead"], ["Denpok Singh", "Chief of Staff"]]],
  ["Soylent Foods", "soylent-foods.example", "food", [["Thorn Sorensen", "VP Customer Success"], ["Shirl Rayburn", "Operations Manager"]]],
  ["Cyberdyne", "cyberdyne.example", "manufacturing", [["Miles Dyson", "Director of Engineering"], ["Sarah Connor", "Procurement Lead"]]],
];

export const CUSTOMERS: readonly Customer[] = RAW.map(([name, domain, industry, people], c) => ({
  name,
  domain,
  industry,
  prospects: people.map(([person, title], p) => ({
    name: person,
    title,
    email: `${person.toLowerCase().replace(/[^a-z]+/g, ".")}@${domain}`,
    phone: (c + p) % 3 === 0 ? `+1 212-555-${derivedId("phone", c, p).slice(0, 4)}` : null,
  })),
}));

export const COMPETITORS = ["Zlymbo", "Competix"] as const;
