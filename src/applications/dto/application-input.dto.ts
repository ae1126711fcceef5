import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MemberInputDto } from '../../families/dto/member-input.dto';
import { APPLICATION_TYPES, ApplicationType } from '../application-state';

export class CreateApplicationDto {
  @ApiProperty({ enum: APPLICATION_TYPES })
  @IsIn(APPLICATION_TYPES, { message: `type must be one of: ${APPLICATION_TYPES.join(', ')}` })
  type: ApplicationType;

  /** Defaults to the deployment's first programme. */
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  /** Staff applying for an enrolled family (add member, extend, duplicate card); families apply for their own. */
  @IsOptional()
  @IsUUID()
  familyId?: string;

  /** Language of the e-mails about this application; defaults to the programme's first language. */
  @IsOptional()
  @Matches(/^[a-z]{2}$/, { message: 'language must be a two-letter code such as pl' })
  language?: string;

  @IsOptional()
  @MaxLength(200)
  @MinLength(1)
  @IsString()
  street?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9 -]{2,16}$/, { message: 'postalCode must be 2-16 letters, digits, spaces or dashes' })
  postalCode?: string;

  @IsOptional()
  @MaxLength(100)
  @MinLength(1)
  @IsString()
  city?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,16}$/, { message: 'municipalityCode must be 1-16 letters, digits or dashes' })
  municipalityCode?: string;

  /** Where e-mails about the application go; a family user's own address when omitted. */
  @IsOptional()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string;

  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'phone must be a phone number' })
  phone?: string;

  /** New family: everyone. Add member: the newcomers. Extend: restated members with memberId. */
  @IsOptional()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => MemberInputDto)
  members?: MemberInputDto[];

  /** Duplicate card: whose card is replaced. */
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @ApiProperty({ enum: ['lost', 'stolen', 'damaged'], required: false })
  @IsOptional()
  @IsIn(['lost', 'stolen', 'damaged'], { message: 'lossReason must be lost, stolen or damaged' })
  lossReason?: 'lost' | 'stolen' | 'damaged';
}

/** Replaces the given parts of a draft (or of an application sent back for information); members wholesale. */
export class UpdateApplicationDto extends PartialType(
  OmitType(CreateApplicationDto, ['type', 'programmeId', 'familyId'] as const),
) {}

export class TransitionDto {
  /** Required for request_info, approve and reject: one of that action's reason codes. */
  @IsOptional()
  @Matches(/^[a-z_]{2,40}$/, { message: 'reason must be a reason code' })
  reason?: string;

  /** What the family is told, in their language. */
  @IsOptional()
  @MaxLength(2000)
  @IsString()
  message?: string;
}

export class NoteInputDto {
  @MaxLength(4000)
  @MinLength(1)
  @IsString()
  text: string;
}
