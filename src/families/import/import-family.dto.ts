import { PickType } from '@nestjs/swagger';
import { CreateApplicationDto } from '../../applications/dto/application-input.dto';

/** A family's address and contact, validated exactly as when a family applies through the API. */
export class ImportFamilyDto extends PickType(CreateApplicationDto, [
  'street',
  'postalCode',
  'city',
  'municipalityCode',
  'email',
  'phone',
] as const) {}
