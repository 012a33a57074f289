/** Written into every manifest. A unit test keeps it equal to package.json's version. */
export const GENERATOR = { name: 'scenario-designer', version: '0.1.0' } as const;
