// Lets ts-jest apply the same @nestjs/swagger plugin as `nest build` (see nest-cli.json).
const transformer = require('@nestjs/swagger/plugin');

module.exports.name = 'nestjs-swagger-transformer';
module.exports.version = 1; // bump to invalidate ts-jest's cache when the options change
module.exports.factory = (cs) =>
  transformer.before(
    { introspectComments: true, classValidatorShim: true, dtoFileNameSuffix: ['.dto.ts'] },
    cs.program,
  );
