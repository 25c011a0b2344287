export * from './accounts';
export * from './people';
export * from './invitations';
export * from './audit';
export * from './council';
export * from './notify';
export * from './jobs';
export * from './offer';
