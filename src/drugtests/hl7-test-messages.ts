/**
 * Realistic ORU^R01 messages for tests: what a toxicology laboratory sends back for a urine
 * specimen — a screen (immunoassay) order with specimen validity (creatinine, specific
 * gravity, pH, oxidants) and a reflex confirmation (LC-MS/MS) order. Segments are joined
 * with CR as HL7 v2 requires.
 */

export interface OruFixture {
  readonly controlId: string;
  readonly mrn: string;
  /** The clinic's specimen id (OBR-2 placer order number, the label on the cup). */
  readonly specimenId: string;
  /** The laboratory's accession (OBR-3 filler order number). */
  readonly accession?: string;
  readonly familyName?: string;
  readonly givenName?: string;
}

/**
 * The screen finds opiates (2,450 ng/mL against the 2,000 cut-off) and buprenorphine; the
 * confirmation finds morphine below the cut-off (a negative confirmation) and confirms
 * buprenorphine. Validity: creatinine 112.4 mg/dL, specific gravity 1.018, pH 6.2, no
 * oxidants (valid).
 */
export function screenAndConfirmation(f: OruFixture): string {
  const accession = f.accession ?? `NT${f.controlId.replace(/\W/g, '').slice(-6)}`;
  return [
    `MSH|^~\\&|TOXLIS|NORTHEAST TOXICOLOGY^05D0642827^CLIA|CAIRN|RIVERBEND DOWNTOWN|20261125081500-0500||ORU^R01^ORU_R01|${f.controlId}|P|2.5.1|||AL|NE`,
    `PID|1||${f.mrn}^^^CAIRN^MR~987654^^^NETOX^PI||${f.familyName ?? 'Okafor'}^${f.givenName ?? 'Amara'}||19900412|F`,
    `ORC|RE|${f.specimenId}|${accession}^NETOX`,
    `OBR|1|${f.specimenId}|${accession}^NETOX|TOXSCR^Drug screen, urine, with reflex confirmation^L|||20261124093000-0500|||||||20261124140000-0500|Urine|||||||20261125070000-0500||TX|F`,
    'OBX|1|NM|2161-8^Creatinine [Mass/volume] in Urine^LN||112.4|mg/dL|20-400||||F|||20261124190000-0500',
    'OBX|2|NM|2965-2^Specific gravity of Urine^LN||1.018||1.003-1.030||||F|||20261124190000-0500',
    'OBX|3|NM|2756-5^pH of Urine^LN||6.2||4.5-9.0||||F|||20261124190000-0500',
    'OBX|4|ST|OXID^Oxidants^L||NEGATIVE||NEGATIVE||||F|||20261124190000-0500',
    'OBX|5|NM|18282-4^Cannabinoids [Presence] in Urine by Screen method^LN||12|ng/mL|<50|N|||F|||20261124191000-0500|||EIA^Enzyme immunoassay^L',
    'OBX|6|NM|14314-9^Benzoylecgonine [Presence] in Urine by Screen method^LN||0|ng/mL|<150|N|||F|||20261124191000-0500|||EIA^Enzyme immunoassay^L',
    'OBX|7|NM|19295-5^Opiates [Presence] in Urine by Screen method^LN||2450|ng/mL|<2000|A|||F|||20261124191000-0500|||EIA^Enzyme immunoassay^L',
    'OBX|8|NM|BUP^Buprenorphine screen^L||58|ng/mL|<10|A|||F|||20261124191000-0500|||EIA^Enzyme immunoassay^L',
    'OBX|9|ST|FEN^Fentanyl screen^L||NEGATIVE||<1|N|||F|||20261124191000-0500|||EIA^Enzyme immunoassay^L',
    'NTE|1|L|Presumptive positives reflexed to LC-MS/MS confirmation.',
    `OBR|2|${f.specimenId}|${accession}^NETOX|TOXCONF^Drug confirmation, LC-MS/MS^L|||20261124093000-0500|||||||20261124140000-0500|Urine|||||||20261125080000-0500||TX|F`,
    'OBX|1|NM|MORPHINE^Morphine^L||850|ng/mL|<2000|N|||F|||20261125075000-0500|||LCMSMS^LC-MS/MS^L',
    'OBX|2|NM|BUPRENORPHINE^Buprenorphine^L||45|ng/mL|<5|A|||F|||20261125075000-0500|||LCMSMS^LC-MS/MS^L',
    'OBX|3|TX|COMMENT^Lab comment^L||Confirmation performed by LC-MS/MS.||||||F',
  ].join('\r');
}

/** A message by its segments: [segment, …fields] rows joined with | and CR. */
export function hl7(...segments: readonly string[]): string {
  return segments.join('\r');
}
