import { IsOptional, Matches } from 'class-validator';

export class PageQueryDto {
  /** The page's language (`pl`, `en`, …); without it, the browser's Accept-Language decides. */
  @IsOptional()
  @Matches(/^[a-z]{2}$/, { message: 'lang must be a two-letter language code' })
  lang?: string;
}
