// Fixtures shared by the tests of documents recognised by their content (content.ts): a letter
// with no headings for the escalation's sections, and padding so a short case is not a stub
// (content is read only from a body of some length).

export const PAD = '\n\nThis note was written after the planning review and circulated to the leads who were there, with the numbers checked against last month’s dashboards.\n';

/** An escalation written as a letter: a subject line, an ask, a list of options, a recommendation and a default. */
export const escalationLetter = (ask: string, recommendation: string) => `Subject: need a call on the ingest cluster by Thursday 12 March

Hi Dana,

${ask} Both platform and data leads
have read this.

Usage grew 40% since January and the cluster is at 91% disk.

What we could do:

- Platform pays and keeps ownership; data gets a quota.
- Data pays from its own budget and runs it.
- Nobody buys it and we cap retention at 14 days.

${recommendation} If there is no decision by 12 March, the cap happens by default.
${PAD}`;

export const ASK = 'We need your decision on who pays for the second ingest cluster.';
